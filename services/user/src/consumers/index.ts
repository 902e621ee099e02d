import type { ConsumerManifest } from '@mercato/chassis';
import { onEmailVerified } from './on-email-verified.js';
import { onUserRegistered } from './on-user-registered.js';

/** What this service consumes. The chassis wraps each handler in its inbox transaction. */
export const consumers: ConsumerManifest = {
  UserRegistered: onUserRegistered,
  EmailVerified: onEmailVerified,
};
