import type { ConsumerManifest } from '@mercato/chassis';
import { onEmailVerificationRequested } from './on-email-verification-requested.js';
import { onPasswordResetRequested } from './on-password-reset-requested.js';
import { onUserRegistered } from './on-user-registered.js';

/** The subscription manifest: event → handler. Each handler only queues a message. */
export function consumers(deps: { publicUrl: string }): ConsumerManifest {
  return {
    UserRegistered: onUserRegistered(deps.publicUrl),
    EmailVerificationRequested: onEmailVerificationRequested(deps.publicUrl),
    PasswordResetRequested: onPasswordResetRequested(deps.publicUrl),
  };
}
