import { timingSafeEqual } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db.js';
import { NotFound, Unauthorized } from '../errors.js';
import { countFailures, discardFailures, getFailure, listFailures, replayFailures } from '../events/dead-letters.js';
import type { HttpApp } from '../http/create-app.js';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const Status = Type.Union([Type.Literal('retrying'), Type.Literal('dead'), Type.Literal('resolved'), Type.Literal('discarded')]);
const Ids = Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), { minItems: 1, maxItems: 1000 });
const IdParam = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });

/**
 * The operator check, as a hook of the operator routes' own scope: it runs for every request
 * the router matched to one of them, however the path was spelled (`/%6fps/…`, `//ops/…`), so
 * no spelling of the URL can reach a handler without the token. Never decide by the URL text.
 */
function operatorOnly(token: string) {
  return async (req: FastifyRequest): Promise<void> => {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!given || !sameSecret(given, token)) throw new Unauthorized('A valid operator token is required', 'Bearer realm="ops"');
  };
}

/**
 * Operator endpoints of every service, on its own port (the gateway does not route them):
 * the dead-letter store, listed, counted, inspected, replayed and discarded. Bearer OPS_TOKEN;
 * absent without one. Every route is declared in one scope whose onRequest hook is the
 * operator check, so a route added here later cannot forget it. Stored failures hold no
 * secrets (see `redact.ts`), so these views show none.
 */
export function registerOpsRoutes(root: HttpApp, db: Db, token: string, onReplay: () => void = () => undefined): void {
  void root.register(async (scope) => {
    const app = scope as HttpApp;
    app.addHook('onRequest', operatorOnly(token));

    app.get(
      '/ops/dead-letters',
      {
        schema: {
          hide: true,
          querystring: Type.Object(
            {
              status: Type.Optional(Status),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
              cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', maxLength: 18 })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req) =>
        listFailures(db, {
          status: req.query.status ?? 'dead',
          limit: req.query.limit,
          cursor: req.query.cursor ? Number(req.query.cursor) : undefined,
        }),
    );

    app.get('/ops/dead-letters/:id', { schema: { hide: true, params: IdParam } }, async (req) => {
      const found = await getFailure(db, req.params.id);
      if (!found) throw new NotFound(`No failed event ${req.params.id}`);
      return found;
    });

    app.post(
      '/ops/dead-letters/replay',
      {
        schema: {
          hide: true,
          body: Type.Object(
            {
              ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), { minItems: 1, maxItems: 1000 })),
              all: Type.Optional(Type.Literal(true)),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => {
        const replayed = await replayFailures(db, req.body.all ? 'all-dead' : (req.body.ids ?? []));
        if (replayed.length > 0) onReplay();
        return { replayed };
      },
    );

    app.get('/ops/dead-letters/counts', { schema: { hide: true } }, async () => countFailures(db));

    app.post(
      '/ops/dead-letters/discard',
      { schema: { hide: true, body: Type.Object({ ids: Ids }, { additionalProperties: false }) } },
      async (req) => ({ discarded: await discardFailures(db, req.body.ids) }),
    );
  });
}
