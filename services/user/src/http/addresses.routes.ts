import { accessOf, callerOf, type HttpApp, NoBody, operation, requires } from '@mercato/chassis';
import { addAddress } from '../addresses/add-address.js';
import { AddressNotFound } from '../addresses/address.js';
import { addressesStore } from '../addresses/addresses.store.js';
import { deleteAddress } from '../addresses/delete-address.js';
import { updateAddress } from '../addresses/update-address.js';
import type { UserDeps } from '../deps.js';
import { presentAddress } from './address.presenter.js';
import { AddressBody, AddressListSchema, AddressParams, AddressPatchBody, AddressSchema } from './addresses.schemas.js';

const tags = ['addresses'];
const read = accessOf('addresses:read:own');
const write = accessOf('addresses:write:own');

export function addressesRoutes(app: HttpApp, deps: UserDeps): void {
  app.get(
    '/users/me/addresses',
    { ...requires(deps, 'addresses:read:own'), schema: { ...operation('listMyAddresses', read), tags, summary: 'My addresses', response: { 200: AddressListSchema } } },
    async (req) => ({ items: (await addressesStore.list(deps.db, callerOf(req).userId)).map(presentAddress) }),
  );
  app.post(
    '/users/me/addresses',
    { ...requires(deps, 'addresses:write:own'), schema: { ...operation('addMyAddress', write, { 404: 'not_found', 409: 'address_limit_reached' }), tags, summary: 'Add an address (at most 20)', body: AddressBody, response: { 201: AddressSchema } } },
    async (req, reply) => reply.code(201).send(presentAddress(await addAddress(deps, callerOf(req).userId, req.body))),
  );
  app.get(
    '/users/me/addresses/:id',
    { ...requires(deps, 'addresses:read:own'), schema: { ...operation('getMyAddress', read, { 404: 'not_found' }), tags, summary: 'One of my addresses', params: AddressParams, response: { 200: AddressSchema } } },
    async (req) => {
      const address = await addressesStore.get(deps.db, callerOf(req).userId, req.params.id);
      if (!address) throw new AddressNotFound();
      return presentAddress(address);
    },
  );
  app.patch(
    '/users/me/addresses/:id',
    {
      ...requires(deps, 'addresses:write:own'),
      schema: { ...operation('updateMyAddress', write, { 404: 'not_found' }), tags, summary: 'Change one of my addresses', params: AddressParams, body: AddressPatchBody, response: { 200: AddressSchema } },
    },
    async (req) => presentAddress(await updateAddress(deps, callerOf(req).userId, req.params.id, req.body)),
  );
  app.delete(
    '/users/me/addresses/:id',
    { ...requires(deps, 'addresses:write:own'), schema: { ...operation('deleteMyAddress', write, { 404: 'not_found' }), tags, summary: 'Delete one of my addresses', params: AddressParams, response: { 204: NoBody('Deleted') } } },
    async (req, reply) => {
      await deleteAddress(deps, callerOf(req).userId, req.params.id);
      return reply.code(204).send();
    },
  );
}
