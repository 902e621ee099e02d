import { accessOf, callerOf, type HttpApp, NoBody, operation, requires } from '@mercato/chassis';
import type { UserDeps } from '../deps.js';
import { ProfileNotFound } from '../profiles/profile.errors.js';
import { profilesStore } from '../profiles/profiles.store.js';
import { eraseUser } from '../profiles/erase-user.js';
import { updateProfile } from '../profiles/update-profile.js';
import { presentProfile } from './profile.presenter.js';
import { PatchMeBody, ProfileSchema } from './users.schemas.js';

const tags = ['profile'];

export function meRoutes(app: HttpApp, deps: UserDeps): void {
  app.get(
    '/users/me',
    {
      ...requires(deps, 'profile:read:own'),
      schema: {
        ...operation('getMe', accessOf('profile:read:own'), { 404: 'not_found' }),
        tags,
        summary: 'My profile',
        description: '404 for a moment after sign-up, until the profile is made from the account (UserRegistered).',
        response: { 200: ProfileSchema },
      },
    },
    async (req) => {
      const profile = await profilesStore.byId(deps.db, callerOf(req).userId);
      if (!profile) throw new ProfileNotFound();
      return presentProfile(profile);
    },
  );
  app.patch(
    '/users/me',
    {
      ...requires(deps, 'profile:write:own'),
      schema: { ...operation('updateMe', accessOf('profile:write:own'), { 404: 'not_found' }), tags, summary: 'Change my name, phone, language or time zone', body: PatchMeBody, response: { 200: ProfileSchema } },
    },
    async (req) => presentProfile(await updateProfile(deps, callerOf(req).userId, req.body)),
  );
  app.delete(
    '/users/me',
    {
      ...requires(deps, 'profile:write:own'),
      schema: {
        ...operation('eraseMe', accessOf('profile:write:own'), { 404: 'not_found' }),
        tags,
        summary: 'Erase my account (GDPR): profile and addresses deleted, sign-in removed, orders kept anonymised, reviews anonymised',
        response: { 204: NoBody('Erased') },
      },
    },
    async (req, reply) => {
      await eraseUser(deps, callerOf(req).userId, null);
      return reply.code(204).send();
    },
  );
}
