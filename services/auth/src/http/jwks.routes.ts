import { operation, type HttpApp } from '@mercato/chassis';
import type { AuthDeps } from '../deps.js';
import { JwksSchema } from './auth.schemas.js';

/** The public keys that verify access tokens: next, active, and recently retired. */
export function jwksRoutes(app: HttpApp, deps: Pick<AuthDeps, 'keys'>): void {
  app.get(
    '/.well-known/jwks.json',
    { schema: { ...operation('getJwks', 'public'), tags: ['auth'], summary: 'Public keys of access tokens (JWKS)', response: { 200: JwksSchema } } },
    // Short cache: a verifier sees a new next key well before it starts signing.
    async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await deps.keys.jwks()),
  );
}
