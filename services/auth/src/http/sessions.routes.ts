import type { HttpApp } from '@mercato/chassis';
import { Type } from '@sinclair/typebox';
import { credentialsStore } from '../credentials/credentials.store.js';
import type { AuthDeps } from '../deps.js';

/** At most this many entries are served (the newest changes): a flood of resets must not make the answer unbounded. */
const MAX_ENTRIES = 50_000;

/**
 * The session generations that moved within one access-token lifetime (plus the verifiers'
 * clock leeway): what the gateway and the services need to refuse the access tokens a password
 * reset revoked (see the chassis's SessionGenerations). Served on auth's own port only: the
 * gateway routes `/api/v1/auth/*`, never `/internal/*`. It names user ids and times, no more.
 */
export function sessionGenerationRoutes(app: HttpApp, deps: Pick<AuthDeps, 'db' | 'config'>): void {
  const keepS = deps.config.accessTokenTtlS + 60;
  app.get(
    '/internal/session-generations',
    {
      schema: {
        hide: true,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ userId: Type.String(), generation: Type.Integer(), changedAt: Type.String({ format: 'date-time' }) })),
            keepS: Type.Integer({ description: 'seconds after changedAt during which an entry matters' }),
          }),
        },
      },
    },
    async (_req, reply) => {
      const rows = await credentialsStore.recentSessionGenerations(deps.db, keepS, MAX_ENTRIES);
      void reply.header('cache-control', 'no-store');
      return { items: rows.map((r) => ({ userId: r.userId, generation: r.generation, changedAt: r.changedAt.toISOString() })), keepS };
    },
  );
}
