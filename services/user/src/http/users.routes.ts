import { accessOf, callerOf, type HttpApp, NoBody, operation, requires } from '@mercato/chassis';
import type { UserDeps } from '../deps.js';
import { eraseUser } from '../profiles/erase-user.js';
import { changeRoles } from '../users/change-roles.js';
import { listUsers } from '../users/list-users.js';
import { presentProfile } from './profile.presenter.js';
import { CustomerSchema } from './customers.schemas.js';
import { ListUsersQuery, ProfileSchema, PutRolesBody, UserPageSchema, UserParams } from './users.schemas.js';
import { presentAddress } from './address.presenter.js';
import { getCustomer } from '../users/get-customer.js';

const tags = ['users (admin)'];

export function usersRoutes(app: HttpApp, deps: UserDeps): void {
  app.get(
    '/users',
    {
      ...requires(deps, 'users:read'),
      schema: {
        ...operation('listUsers', accessOf('users:read')),
        tags,
        summary: 'List users, oldest first; search by email prefix or name (q), filter by role',
        querystring: ListUsersQuery,
        response: { 200: UserPageSchema },
      },
    },
    async (req) => {
      const page = await listUsers(deps, req.query);
      return { items: page.items.map(presentProfile), nextCursor: page.nextCursor };
    },
  );
  app.get(
    '/users/:id',
    {
      ...requires(deps, 'users:read'),
      schema: {
        ...operation('getCustomer', accessOf('users:read'), { 404: 'not_found' }),
        tags,
        summary: "A user's profile and address book, for staff",
        params: UserParams,
        response: { 200: CustomerSchema },
      },
    },
    async (req) => {
      const { profile, addresses } = await getCustomer(deps, req.params.id);
      return { ...presentProfile(profile), addresses: addresses.map(presentAddress) };
    },
  );
  app.put(
    '/users/:id/roles',
    {
      ...requires(deps, 'users:roles:write'),
      schema: {
        ...operation('setUserRoles', accessOf('users:roles:write'), { 404: 'not_found' }),
        tags,
        summary: "Replace a user's roles",
        params: UserParams,
        body: PutRolesBody,
        response: { 200: ProfileSchema },
      } },
    async (req) => presentProfile(await changeRoles(deps, req.params.id, req.body.roles, callerOf(req).userId)),
  );
  app.delete(
    '/users/:id',
    {
      ...requires(deps, 'users:erase'),
      schema: {
        ...operation('eraseUser', accessOf('users:erase'), { 404: 'not_found' }),
        tags,
        summary: "Erase a user's account on their request (as DELETE /users/me does)",
        params: UserParams,
        response: { 204: NoBody('Erased') },
      },
    },
    async (req, reply) => {
      await eraseUser(deps, req.params.id, callerOf(req).userId);
      return reply.code(204).send();
    },
  );
}
