import type { ConsumerManifest } from '@mercato/chassis';
import { onRolesChanged } from './on-roles-changed.js';

/** What this service consumes. The chassis runs each handler in its inbox transaction. */
export const consumers: ConsumerManifest = {
  RolesChanged: onRolesChanged,
};
