import { accessOf, type HttpApp, operation, requires } from '@mercato/chassis';
import type { InventoryDeps } from '../deps.js';
import { createWarehouse } from '../warehouses/create-warehouse.js';
import { updateWarehouse } from '../warehouses/update-warehouse.js';
import { listWarehouses } from '../warehouses/list-warehouses.js';
import { presentWarehouse } from './inventory.presenter.js';
import { CreateWarehouseBody, PatchWarehouseBody, WarehouseListSchema, WarehouseParams, WarehouseSchema } from './inventory.schemas.js';

const tags = ['warehouses (admin)'];

export function warehousesRoutes(app: HttpApp, deps: InventoryDeps): void {
  app.get(
    '/inventory/warehouses',
    {
      ...requires(deps, 'warehouses:read'),
      schema: {
        ...operation('listWarehouses', accessOf('warehouses:read')),
        tags,
        summary: 'Every warehouse, in reservation order (at most 100: one page)',
        response: { 200: WarehouseListSchema },
      },
    },
    async () => ({ items: (await listWarehouses(deps)).map(presentWarehouse), nextCursor: null }),
  );
  app.post(
    '/inventory/warehouses',
    {
      ...requires(deps, 'warehouses:write'),
      schema: {
        ...operation('createWarehouse', accessOf('warehouses:write'), { 409: ['warehouse_code_taken', 'too_many_warehouses'] }),
        tags,
        summary: 'Add a warehouse',
        body: CreateWarehouseBody,
        response: { 201: WarehouseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(presentWarehouse(await createWarehouse(deps, req.body))),
  );
  app.patch(
    '/inventory/warehouses/:code',
    {
      ...requires(deps, 'warehouses:write'),
      schema: {
        ...operation('updateWarehouse', accessOf('warehouses:write'), { 404: 'not_found' }),
        tags,
        summary: 'Rename a warehouse or change its priority',
        params: WarehouseParams,
        body: PatchWarehouseBody,
        response: { 200: WarehouseSchema },
      },
    },
    async (req) => presentWarehouse(await updateWarehouse(deps, req.params.code, req.body)),
  );
}
