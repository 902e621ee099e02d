import { accessOf, callerOf, type HttpApp, operation, requires } from '@mercato/chassis';
import type { InventoryDeps } from '../deps.js';
import { adjustStock } from '../stock/adjust-stock.js';
import { checkAvailability, getStock } from '../stock/get-stock.js';
import { setThreshold } from '../stock/set-threshold.js';
import { listStock, stockLedger } from '../stock/list-stock.js';
import { presentAdjustment, presentMovement, presentStock, presentStockRow } from './inventory.presenter.js';
import {
  AdjustmentBody,
  AdjustmentSchema,
  AvailabilityQuery,
  AvailabilitySchema,
  LedgerQuery,
  LedgerSchema,
  SkuParams,
  StockListQuery,
  StockListSchema,
  StockSchema,
  ThresholdBody,
} from './inventory.schemas.js';

const RECENT_MOVEMENTS = 50;

export function stockRoutes(app: HttpApp, deps: InventoryDeps): void {
  app.get(
    '/inventory/availability',
    {
      schema: {
        ...operation('getAvailability', 'public'),
        tags: ['stock'],
        summary: 'Available units per SKU, over all warehouses (public). Unknown SKUs answer 0.',
        querystring: AvailabilityQuery,
        response: { 200: AvailabilitySchema },
      },
    },
    async (req) => ({
      items: (await checkAvailability(deps, req.query.sku)).map((a) => ({ sku: a.sku, available: a.available, inStock: a.available > 0 })),
    }),
  );

  // Under /skus/, so that no SKU (e.g. one named "warehouses") can be shadowed by another route.
  const tags = ['stock (admin)'];
  app.get(
    '/inventory',
    {
      ...requires(deps, 'stock:read'),
      schema: {
        ...operation('listStock', accessOf('stock:read')),
        tags,
        summary: 'SKUs with their stock per warehouse: search by SKU, filter by product, warehouse or low stock; by SKU or least available first (the low-stock list)',
        querystring: StockListQuery,
        response: { 200: StockListSchema },
      },
    },
    async (req) => {
      const page = await listStock(deps, req.query);
      return { items: page.items.map(presentStockRow), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/inventory/skus/:sku/movements',
    {
      ...requires(deps, 'stock:read'),
      schema: {
        ...operation('listStockMovements', accessOf('stock:read'), { 404: 'not_found' }),
        tags,
        summary: "A SKU's ledger, newest first: every movement of its stock, by warehouse or kind",
        params: SkuParams,
        querystring: LedgerQuery,
        response: { 200: LedgerSchema },
      },
    },
    async (req) => {
      const page = await stockLedger(deps, req.params.sku, req.query);
      return { items: page.items.map(presentMovement), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/inventory/skus/:sku',
    {
      ...requires(deps, 'stock:read'),
      schema: {
        ...operation('getStock', accessOf('stock:read'), { 404: 'not_found' }),
        tags,
        summary: "A SKU's stock per warehouse, its threshold and its latest movements",
        params: SkuParams,
        response: { 200: StockSchema },
      },
    },
    async (req) => presentStock(await getStock(deps, req.params.sku, RECENT_MOVEMENTS)),
  );

  app.post(
    '/inventory/skus/:sku/adjustments',
    {
      ...requires(deps, 'stock:write'),
      schema: {
        ...operation('adjustStock', accessOf('stock:write'), { 404: 'not_found', 409: 'stock_below_reserved' }),
        tags,
        summary: 'Add or remove units on hand in a warehouse; never below what is reserved there (409)',
        params: SkuParams,
        body: AdjustmentBody,
        response: { 201: AdjustmentSchema },
      },
    },
    async (req, reply) => {
      const adjusted = await adjustStock(deps, {
        sku: req.params.sku,
        warehouseCode: req.body.warehouse,
        delta: req.body.delta,
        reason: req.body.reason,
        actorUserId: callerOf(req).userId,
      });
      return reply.code(201).send(presentAdjustment(adjusted));
    },
  );

  app.put(
    '/inventory/skus/:sku/threshold',
    {
      ...requires(deps, 'stock:write'),
      schema: {
        ...operation('setStockThreshold', accessOf('stock:write'), { 404: 'not_found' }),
        tags,
        summary: "Set a SKU's low-stock threshold",
        params: SkuParams,
        body: ThresholdBody,
        response: { 200: StockSchema },
      },
    },
    async (req) => {
      await setThreshold(deps, req.params.sku, req.body.threshold);
      return presentStock(await getStock(deps, req.params.sku, RECENT_MOVEMENTS));
    },
  );
}
