import type { ConsumerManifest } from '@mercato/chassis';
import { onRolesChanged } from './on-roles-changed.js';
import { onUserDeleted } from './on-user-deleted.js';

/** What this service consumes. The chassis runs each handler in its inbox transaction. */
export const consumers: ConsumerManifest = {
  RolesChanged: onRolesChanged,
  UserDeleted: onUserDeleted,
};
