import { accessFor, callerOf, operation, type HttpApp } from '@mercato/chassis';
import { ROLE_PERMISSIONS } from '../access/permissions.js';
import type { UserDeps } from '../deps.js';
import { ProfileNotFound } from '../profiles/profile.errors.js';
import { profilesStore } from '../profiles/profiles.store.js';
import { updateProfile } from '../profiles/update-profile.js';
import { requires } from './authorize.js';
import { presentProfile } from './profile.presenter.js';
import { PatchMeBody, ProfileSchema } from './users.schemas.js';

const tags = ['profile'];

export function meRoutes(app: HttpApp, deps: UserDeps): void {
  app.get(
    '/users/me',
    {
      ...requires(deps, 'profile:read:own'),
      schema: {
        ...operation('getMe', accessFor(ROLE_PERMISSIONS, 'profile:read:own'), { 404: 'not_found' }),
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
      schema: { ...operation('updateMe', accessFor(ROLE_PERMISSIONS, 'profile:write:own'), { 404: 'not_found' }), tags, summary: 'Change my name or phone', body: PatchMeBody, response: { 200: ProfileSchema } },
    },
    async (req) => presentProfile(await updateProfile(deps, callerOf(req).userId, req.body)),
  );
}
