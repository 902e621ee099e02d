import { NoBody, operation, type HttpApp } from '@mercato/chassis';
import type { AuthDeps } from '../deps.js';
import { forgotPassword } from '../recovery/forgot-password.js';
import { resetPassword } from '../recovery/reset-password.js';
import { resendEmailVerification, verifyEmail } from '../recovery/verify-email.js';
import { EmailBody, ResetPasswordBody, VerifyEmailBody } from './auth.schemas.js';

/** Password reset and email verification: links sent by email, never answers that reveal an account. */
export function recoveryRoutes(app: HttpApp, deps: AuthDeps): void {
  app.post(
    '/auth/password/forgot',
    {
      schema: {
        ...operation('requestPasswordReset', 'public', { 429: 'rate_limited' }),
        tags: ['auth'],
        summary: 'Email a password-reset link (202 whether or not the account exists)',
        body: EmailBody,
        response: { 202: NoBody('Accepted: a link is on its way if the account exists') },
      },
    },
    async (req, reply) => {
      await forgotPassword(deps, { ...req.body, ip: req.ip });
      return reply.code(202).send();
    },
  );
  app.post(
    '/auth/password/reset',
    {
      schema: {
        ...operation('resetPassword', 'public', { 400: 'invalid_token', 429: 'rate_limited', 503: 'busy' }),
        tags: ['auth'],
        summary: 'Set a new password with the emailed token; signs out everywhere',
        body: ResetPasswordBody,
        response: { 204: NoBody('The password is changed') },
      },
    },
    async (req, reply) => {
      await resetPassword(deps, { ...req.body, ip: req.ip });
      return reply.code(204).send();
    },
  );
  app.post(
    '/auth/email/verify',
    {
      schema: {
        ...operation('verifyEmail', 'public', { 400: 'invalid_token' }),
        tags: ['auth'],
        summary: 'Confirm the email address with the emailed token',
        body: VerifyEmailBody,
        response: { 204: NoBody('The email address is verified') },
      },
    },
    async (req, reply) => {
      await verifyEmail(deps, req.body);
      return reply.code(204).send();
    },
  );
  app.post(
    '/auth/email/verify/resend',
    {
      schema: {
        ...operation('resendEmailVerification', 'public', { 429: 'rate_limited' }),
        tags: ['auth'],
        summary: 'Email a new verification link (202 whatever the email)',
        body: EmailBody,
        response: { 202: NoBody('Accepted: a link is on its way if the address is registered and unverified') },
      },
    },
    async (req, reply) => {
      await resendEmailVerification(deps, { ...req.body, ip: req.ip });
      return reply.code(202).send();
    },
  );
}
