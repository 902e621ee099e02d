import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { Currency } from '@mercato/contracts';
import { Type } from '@sinclair/typebox';
import { Conflict, Forbidden, TooManyRequests, Unauthorized, Unprocessable } from '../errors.js';
import { captureLogger } from '../testing/index.js';
import { createHttpApp, lazyValidator, type HttpApp } from './create-app.js';
import { NoBody, operation } from './operation.js';
import { problem } from './problem.js';

const Item = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    tags: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 3 }),
    price: Type.Object({ amount: Type.Integer({ minimum: 0, maximum: 1e9 }), currency: Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 }) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

async function build(readyOk = true): Promise<{ app: HttpApp; lines: Record<string, unknown>[] }> {
  const { logger, lines } = captureLogger('catalog', 'info');
  const app = await createHttpApp({
    service: 'catalog',
    logger,
    bodyLimitBytes: 2048,
    readiness: [
      { name: 'database', check: async () => undefined },
      { name: 'bus', check: async () => (readyOk ? undefined : Promise.reject(new Error('broker unreachable'))) },
    ],
  });
  app.post('/items', { schema: { ...operation('addItem', 'public', { 409: 'item_exists' }), body: Item, response: { 201: Type.Object({ name: Type.String() }) } } }, async (req, reply) => {
    return reply.code(201).send({ name: req.body.name, secret: 'never serialised' } as never);
  });
  app.get(
    '/items',
    {
      schema: {
        ...operation('listItems', 'public'),
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ limit: Type.Integer() }) },
      },
    },
    async (req) => ({ limit: req.query.limit }),
  );
  app.get(
    '/notes/:slug',
    {
      schema: {
        ...operation('getNote', 'public'),
        response: { 200: Type.Object({ slug: Type.String(), q: Type.Union([Type.String(), Type.Null()]) }) },
        params: Type.Object({ slug: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false }),
      },
    },
    async (req) => ({ slug: req.params.slug, q: req.query.q ?? null }),
  );
  app.post(
    '/notes',
    {
      schema: {
        ...operation('createNote', 'public'),
        response: { 200: Type.Object({ ok: Type.Boolean(), text: Type.String() }) },
        body: Type.Object(
          {
            text: Type.String({ maxLength: 200 }),
            title: Type.Optional(Type.Union([Type.String({ maxLength: 20, pattern: '\\S' }), Type.Null()])),
            labels: Type.Optional(Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 20 }), { maxProperties: 5 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ ok: true, text: req.body.text }),
  );
  app.get('/boom', { schema: { ...operation('boom', 'public'), response: { 204: NoBody('never') } } }, async () => {
    throw new Error('connection string postgres://admin:hunter2@db leaked?');
  });
  const errors = { 401: new Unauthorized(), 403: new Forbidden(), 409: new Conflict('Stock changed', { available: 3 }), 422: new Unprocessable('Key reused with another body', 'idempotency_mismatch'), 429: new TooManyRequests(7) };
  const statusParams = Type.Object({ status: Type.Integer({ minimum: 100, maximum: 599 }) }, { additionalProperties: false });
  app.get('/errors/:status', { schema: { ...operation('fail', 'optional', { 409: 'conflict', 422: 'idempotency_mismatch', 429: 'rate_limited' }), params: statusParams, response: { 204: NoBody('never') } } }, async (req) => {
    throw errors[req.params.status as keyof typeof errors];
  });
  app.get('/slow', { schema: { ...operation('slow', 'public'), response: { 200: Type.Object({ done: Type.Boolean() }) } } }, async () => {
    await new Promise((r) => setTimeout(r, 300));
    return { done: true };
  });
  await app.ready();
  return { app, lines };
}

const good = { name: 'Blue shirt', tags: ['summer'], price: { amount: 1999, currency: 'EUR' } };

describe('HTTP chassis', () => {
  it('refuses control characters in every text field: body, nested, maps, query, path', async () => {
    const { app } = await build();
    const refused: [string, string, unknown][] = [
      ['POST', '/items', { ...good, name: 'Blue\u0000shirt' }],
      ['POST', '/items', { ...good, tags: ['ok', 'bad\u0000'] }],
      ['POST', '/items', { ...good, price: { amount: 1, currency: 'EU\u0000' } }],
      ['POST', '/notes', { text: 'a\u0001b' }],
      ['POST', '/notes', { text: 'bell \u0007' }],
      ['POST', '/notes', { text: 'del \u007f' }],
      ['POST', '/notes', { text: 'ok', title: 'x\u0000' }],
      ['POST', '/notes', { text: 'ok', labels: { 'k\u0000': 'v' } }],
      ['POST', '/notes', { text: 'ok', labels: { k: 'v\u001b[31m' } }],
      ['GET', '/notes/a%00b', undefined],
      ['GET', '/notes/ok?q=%00', undefined],
      ['GET', '/notes/ok?q=a%1Fb', undefined],
    ];
    for (const [method, url, payload] of refused) {
      const res = await app.inject({ method: method as 'GET', url, payload: payload as object });
      assert.equal(res.statusCode, 400, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      const body = res.json<{ code: string; errors: { message: string }[] }>();
      assert.equal(body.code, 'invalid_data');
      assert.ok(body.errors.some((e) => /control characters/.test(e.message)), JSON.stringify(body.errors));
    }
    // Tabs and line breaks are text.
    const multiline = await app.inject({ method: 'POST', url: '/notes', payload: { text: 'line one\r\n\tline two' } });
    assert.equal(multiline.statusCode, 200, multiline.body);
    assert.equal((await app.inject({ method: 'GET', url: '/notes/caf%C3%A9?q=na%C3%AFve' })).json().q, 'naïve');
    await app.close();
  });

  it('sends nosniff and Referrer-Policy on every answer, and no-store on answers to authenticated requests', async () => {
    const { app } = await build();
    for (const res of [await app.inject({ method: 'GET', url: '/items' }), await app.inject({ method: 'GET', url: '/nowhere' }), await app.inject({ method: 'POST', url: '/items', payload: {} })]) {
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['cache-control'], undefined);
    }
    for (const url of ['/items', '/errors/401', '/nowhere']) {
      const res = await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer abc' } });
      assert.equal(res.headers['cache-control'], 'no-store', url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    }
    await app.close();
  });

  it('answers headers too large (431) and a request that is not HTTP (400) as problem+json', async () => {
    const { app } = await build();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/items`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    assert.equal(res.status, 431);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const body = (await res.json()) as { code: string; status: number };
    assert.equal(body.code, 'headers_too_large');
    assert.equal(body.status, 431);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.1 400 /);
    assert.match(raw, /content-type: application\/problem\+json/);
    assert.match(raw, /"code":"bad_request"/);
    await app.close();
  });

  it('compiles a validator on its first call, once, and hands on its errors', () => {
    let compiles = 0;
    const validate = lazyValidator(() => {
      compiles += 1;
      const fn: Parameters<typeof lazyValidator>[0] extends () => infer V ? V : never = (data: unknown) => {
        fn.errors = typeof data === 'number' ? null : [{ instancePath: '', message: 'must be number' } as never];
        return typeof data === 'number';
      };
      return fn;
    });
    assert.equal(compiles, 0);
    assert.equal(validate('x'), false);
    assert.deepEqual(validate.errors, [{ instancePath: '', message: 'must be number' }]);
    assert.equal(validate(3), true);
    assert.equal(validate.errors, null);
    assert.equal(compiles, 1);
  });

  it('accepts a valid body and serialises only the response schema fields', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'POST', url: '/items', payload: good });
    assert.equal(res.statusCode, 201);
    assert.deepEqual(res.json(), { name: 'Blue shirt' });
    await app.close();
  });

  it("knows the platform's own formats when serialising a response whose schema has a choice", async () => {
    const app = await createHttpApp({ service: 'test', logger: captureLogger().logger });
    const Money = Type.Object({ amount: Type.Integer(), currency: Currency });
    app.get('/price', { schema: { ...operation('price', 'public'), response: { 200: Type.Object({ price: Type.Union([Money, Type.Null()]) }) } } }, async () => ({
      price: { amount: 100, currency: 'EUR' },
    }));
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
    try {
      const res = await app.inject({ method: 'GET', url: '/price' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { price: { amount: 100, currency: 'EUR' } });
    } finally {
      console.warn = warn;
      await app.close();
    }
    // The serializer's own Ajv warned 'unknown format "iso4217" ignored' when not given them.
    assert.deepEqual(warned, []);
  });

  it('rejects unknown and invalid fields with a pointer to each, as problem+json', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'POST', url: '/items', payload: { ...good, name: '', admin: true, price: { amount: -1, currency: 'eur' } } });
    assert.equal(res.statusCode, 400);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    const body = res.json();
    assert.equal(body.code, 'invalid_data');
    assert.equal(body.type, 'urn:mercato:problem:invalid_data');
    assert.equal(body.instance, res.headers['x-request-id']);
    const pointers = body.errors.map((e: { pointer: string }) => e.pointer).sort();
    assert.deepEqual(pointers, ['/admin', '/name', '/price/amount', '/price/currency']);
    assert.ok(body.errors.every((e: { in: string }) => e.in === 'body'));
  });

  it('names the allowed values of a choice, once, and each field once in the detail', async () => {
    const { logger } = captureLogger('catalog', 'info');
    const app = await createHttpApp({ service: 'catalog', logger });
    const Sort = Type.Union([Type.Literal('newest'), Type.Literal('price_asc'), Type.Literal('price_desc')]);
    app.get('/sorted', { schema: { ...operation('listSorted', 'public'), querystring: Type.Object({ sort: Type.Optional(Sort) }, { additionalProperties: false }), response: { 200: Type.Object({ sort: Type.String() }) } } }, async (req) => ({
      sort: req.query.sort ?? 'newest',
    }));
    try {
      assert.deepEqual((await app.inject({ url: '/sorted?sort=price_asc' })).json(), { sort: 'price_asc' });
      const res = await app.inject({ url: '/sorted?sort=cheapest' });
      assert.equal(res.statusCode, 400);
      const body = res.json<{ detail: string; errors: unknown[] }>();
      // Not Ajv's "must be equal to constant" per value and "must match a schema in anyOf".
      assert.deepEqual(body.errors, [{ in: 'query', pointer: '/sort', message: 'must be one of: newest, price_asc, price_desc' }]);
      assert.equal(body.detail, 'Invalid fields: query /sort');
    } finally {
      await app.close();
    }
  });

  it('bounds strings and arrays', async () => {
    const { app } = await build();
    const res = await app.inject({ method: 'POST', url: '/items', payload: { ...good, name: 'x'.repeat(21), tags: ['a', 'b', 'c', 'd'] } });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors.map((e: { pointer: string }) => e.pointer).sort(), ['/name', '/tags']);
  });

  it('coerces query strings only, and points into the query', async () => {
    const { app } = await build();
    assert.deepEqual((await app.inject({ url: '/items?limit=5' })).json(), { limit: 5 });
    assert.deepEqual((await app.inject({ url: '/items' })).json(), { limit: 20 });
    const bad = await app.inject({ url: '/items?limit=500&extra=1' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().errors.map((e: { in: string; pointer: string }) => `${e.in}:${e.pointer}`).sort(), ['query:/extra', 'query:/limit']);
    // A body number sent as a string is not coerced.
    const res = await app.inject({ method: 'POST', url: '/items', payload: { ...good, price: { amount: '1999', currency: 'EUR' } } });
    assert.equal(res.statusCode, 400);
  });

  it('answers 413 for a body over the limit and 415 for a body that is not JSON', async () => {
    const { app } = await build();
    const big = await app.inject({ method: 'POST', url: '/items', payload: { ...good, name: 'x'.repeat(5000) } });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().code, 'payload_too_large');
    const xml = await app.inject({ method: 'POST', url: '/items', payload: '<item/>', headers: { 'content-type': 'application/xml' } });
    assert.equal(xml.statusCode, 415);
    assert.equal(xml.json().code, 'unsupported_media_type');
    const broken = await app.inject({ method: 'POST', url: '/items', payload: '{"name":', headers: { 'content-type': 'application/json' } });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().code, 'malformed_body');
  });

  it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
    const { app } = await build();
    const missing = await app.inject({ url: '/nothing/here' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'not_found');
    const wrong = await app.inject({ method: 'DELETE', url: '/items' });
    assert.equal(wrong.statusCode, 405);
    assert.equal(wrong.headers.allow, 'GET, HEAD, POST');
    assert.equal(wrong.json().code, 'method_not_allowed');
  });

  it('renders domain errors with their status, stable code and extensions', async () => {
    const { app } = await build();
    const expected: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 409: 'conflict', 422: 'idempotency_mismatch', 429: 'rate_limited' };
    for (const [status, code] of Object.entries(expected)) {
      const res = await app.inject({ url: `/errors/${status}` });
      assert.equal(res.statusCode, Number(status));
      assert.equal(res.json().code, code);
      assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    }
    const conflict = await app.inject({ url: '/errors/409' });
    assert.equal(conflict.json().available, 3);
    assert.equal((await app.inject({ url: '/errors/429' })).headers['retry-after'], '7');
    // An extension named like a member of the problem never replaces it.
    assert.deepEqual(problem(409, 'warehouse_code_taken', 'Conflict', 'taken', { code: 'overflow', status: 200, warehouse: 'overflow' }), {
      type: 'urn:mercato:problem:warehouse_code_taken',
      code: 'warehouse_code_taken',
      title: 'Conflict',
      status: 409,
      detail: 'taken',
      warehouse: 'overflow',
    });
  });

  it('never leaks an unexpected error, and logs it with the request id', async () => {
    const { app, lines } = await build();
    const res = await app.inject({ url: '/boom', headers: { 'x-request-id': 'req-from-client-1' } });
    assert.equal(res.statusCode, 500);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['code', 'detail', 'instance', 'status', 'title', 'type']);
    assert.equal(body.detail, 'An unexpected error occurred');
    assert.doesNotMatch(res.body, /hunter2|at .*\.ts|stack/);
    const logged = lines.find((l) => l.msg === 'unhandled error');
    assert.ok(logged, 'the error is logged');
    assert.equal(logged.requestId, 'req-from-client-1');
    assert.equal(body.instance, 'req-from-client-1');
  });

  it('continues the caller trace and puts request id and trace on every request log line', async () => {
    const { app, lines } = await build();
    const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const res = await app.inject({ url: '/items', headers: { traceparent: incoming } });
    const tp = res.headers.traceparent as string;
    assert.match(tp, /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    assert.notEqual(tp.split('-')[2], 'b7ad6b7169203331', 'a new span id of our own');
    const requestId = res.headers['x-request-id'];
    const mine = lines.filter((l) => l.requestId === requestId);
    assert.deepEqual(mine.map((l) => l.msg), ['incoming request', 'request completed']);
    assert.ok(mine.every((l) => l.traceId === '0af7651916cd43dd8448eb211c80319c' && l.service === 'catalog'));
    // A malformed traceparent starts a new trace instead of propagating garbage.
    const fresh = await app.inject({ url: '/items', headers: { traceparent: 'garbage' } });
    assert.match(fresh.headers.traceparent as string, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('logs the trace on request lines without an async context too', async () => {
    const { logger, lines } = captureLogger('gateway', 'info');
    const app = await createHttpApp({ service: 'gateway', logger, requestContext: false, requireOperations: false });
    app.get('/ping', async () => ({ pong: true }));
    const res = await app.inject({ url: '/ping', headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } });
    const mine = lines.filter((l) => l.requestId === res.headers['x-request-id']);
    assert.deepEqual(mine.map((l) => l.msg), ['incoming request', 'request completed']);
    assert.ok(mine.every((l) => l.traceId === '0af7651916cd43dd8448eb211c80319c' && l.traceparent === res.headers.traceparent));
    await app.close();
  });

  it('takes the client address from X-Forwarded-For only from a trusted proxy', async () => {
    const { logger } = captureLogger();
    const behindGateway = await createHttpApp({ service: 'auth', logger, trustProxy: 'loopback', requireOperations: false });
    const exposed = await createHttpApp({ service: 'auth', logger, requireOperations: false });
    for (const app of [behindGateway, exposed]) app.get('/ip', async (req) => ({ ip: req.ip }));
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    assert.equal((await behindGateway.inject({ url: '/ip', headers, remoteAddress: '127.0.0.1' })).json().ip, '203.0.113.9');
    assert.equal((await behindGateway.inject({ url: '/ip', headers, remoteAddress: '198.51.100.7' })).json().ip, '198.51.100.7');
    assert.equal((await exposed.inject({ url: '/ip', headers, remoteAddress: '127.0.0.1' })).json().ip, '127.0.0.1');
    await behindGateway.close();
    await exposed.close();
  });

  it('reports liveness and readiness, naming the dependency that is down', async () => {
    const up = await build(true);
    assert.deepEqual((await up.app.inject({ url: '/healthz' })).json(), { status: 'ok', service: 'catalog' });
    const ready = await up.app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json().checks, { database: 'ok', bus: 'ok' });
    const down = await build(false);
    const notReady = await down.app.inject({ url: '/readyz' });
    assert.equal(notReady.statusCode, 503);
    assert.equal(notReady.json().code, 'not_ready');
    assert.equal(notReady.json().checks.bus, 'broker unreachable');
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const { app } = await build();
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    const post = doc.paths['/items'].post;
    assert.equal(post.requestBody.content['application/json'].schema.additionalProperties, false);
    assert.ok(doc.paths['/items'].get.parameters.some((p: { name: string }) => p.name === 'limit'));
    assert.equal(doc.paths['/healthz'], undefined, 'operational routes are hidden');
  });

  it('refuses at start-up a route whose schema leaves input unbounded', async () => {
    const { logger } = captureLogger();
    const app = await createHttpApp({ service: 'catalog', logger });
    assert.throws(
      () => app.post('/loose', { schema: { ...operation('loose', 'public'), body: Type.Object({ note: Type.String() }), response: { 204: NoBody('done') } } }, async () => ({})),
      /additionalProperties: false.*note: string must set maxLength/,
    );
    await app.close();
  });

  it('names each missing field of a missing or empty body, and takes a missing all-optional body as {}', async () => {
    const { logger } = captureLogger();
    const app = await createHttpApp({ service: 'order', logger });
    const Ship = Type.Object({ carrier: Type.String({ minLength: 1, maxLength: 100 }), trackingNumber: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
    const Refund = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });
    app.post('/ship', { schema: { ...operation('ship', 'public'), body: Ship, response: { 200: Type.Object({ carrier: Type.String() }) } } }, async (req) => ({ carrier: req.body.carrier }));
    app.post('/refund', { schema: { ...operation('refund', 'public'), body: Refund, response: { 200: Type.Object({ body: Type.Unknown() }) } } }, async (req) => ({ body: req.body }));
    for (const [what, headers] of [['no body', {}], ['an empty JSON body', { 'content-type': 'application/json' }]] as const) {
      const res = await app.inject({ method: 'POST', url: '/ship', headers, payload: '' });
      assert.equal(res.statusCode, 400, what);
      assert.equal(res.json().code, 'invalid_data', what);
      assert.deepEqual(res.json().errors.map((e: { in: string; pointer: string; message: string }) => `${e.in}:${e.pointer} ${e.message}`).sort(), ['body:/carrier is required', 'body:/trackingNumber is required'], what);
      assert.match(res.json().detail, /carrier.*trackingNumber/, what);
    }
    const empty = await app.inject({ method: 'POST', url: '/refund' });
    assert.equal(empty.statusCode, 200);
    assert.deepEqual(empty.json(), { body: {} });
    // A JSON null is a body, and not an object.
    assert.equal((await app.inject({ method: 'POST', url: '/refund', headers: { 'content-type': 'application/json' }, payload: 'null' })).statusCode, 400);
    await app.close();
  });

  it('refuses at start a documented route without its operation, a success status, or with a reused operationId', async () => {
    const { logger } = captureLogger();
    const app = await createHttpApp({ service: 'catalog', logger });
    const ok = Type.Object({ ok: Type.Boolean() });
    assert.throws(() => app.get('/bare', async () => ({})), /GET \/bare declares no operation: add \.\.\.operation\(/);
    assert.throws(() => app.get('/no-id', { schema: { summary: 'x', response: { 200: ok } } }, async () => ({ ok: true })), /declares no operation/);
    assert.throws(() => app.get('/no-success', { schema: { ...operation('noSuccess', 'public') } }, async () => ({})), /names no success status/);
    assert.throws(
      () => app.get('/error-schema', { schema: { ...operation('errorSchema', 'public'), response: { 200: ok, 404: ok } } }, async () => ({ ok: true })),
      /lists 404 in schema.response/,
    );
    app.get('/one', { schema: { ...operation('getOne', 'public'), response: { 200: ok } } }, async () => ({ ok: true }));
    assert.throws(() => app.get('/two', { schema: { ...operation('getOne', 'public'), response: { 200: ok } } }, async () => ({ ok: true })), /operationId getOne is already used by GET \/one/);
    // Hidden routes are not in the document and need no declaration.
    app.get('/internal', { schema: { hide: true } }, async () => ({}));
    assert.throws(() => operation('Bad-Id', 'public'), /camelCase/);
    assert.throws(() => operation('badStatus', 'public', { 200: 'fine' }), /not a 4xx or 5xx/);
    await app.close();
  });

  it('documents each operation: id, bearer security, access, and its problem responses with their codes', async () => {
    const { logger } = captureLogger();
    const app = await createHttpApp({ service: 'catalog', logger });
    const Body = Type.Object({ name: Type.String({ maxLength: 10 }) }, { additionalProperties: false });
    const Params = Type.Object({ id: Type.String({ maxLength: 10 }) }, { additionalProperties: false });
    app.get('/things', { schema: { ...operation('listThings', 'public'), response: { 200: Type.Object({ n: Type.Integer() }) } } }, async () => ({ n: 1 }));
    app.put(
      '/things/:id',
      { schema: { ...operation('putThing', { roles: ['admin', 'catalog_manager'] }, { 404: 'thing_not_found', 409: ['thing_taken', 'conflict'] }), description: 'Replace a thing.', params: Params, body: Body, response: { 204: NoBody('Replaced') } } },
      async (_req, reply) => reply.code(204).send(),
    );
    app.get('/things/:id', { schema: { ...operation('getThing', 'optional', { 404: 'thing_not_found' }), params: Params, response: { 200: Body } } }, async () => ({ name: 'a' }));
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, { ...doc.components.securitySchemes.bearerAuth, type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    const list = doc.paths['/things'].get;
    assert.equal(list.operationId, 'listThings');
    assert.deepEqual(list.security, []);
    assert.deepEqual(Object.keys(list.responses).sort(), ['200', '5XX'], 'a public route without input answers no 4xx of its own');
    const put = doc.paths['/things/{id}'].put;
    assert.equal(put['x-mercato-operation'], undefined, 'the declaration is expanded, not shown');
    assert.deepEqual(put.security, [{ bearerAuth: [] }]);
    assert.match(put.description, /^Replace a thing\.\n\n\*\*Access:\*\* a bearer token with the role `admin` or `catalog_manager`\.$/);
    assert.deepEqual(Object.keys(put.responses).sort(), ['204', '400', '401', '403', '404', '409', '413', '415', '5XX']);
    assert.equal(put.responses['204'].content, undefined, 'a 204 has no body');
    const codes = (status: string) => put.responses[status].content['application/problem+json'].schema.allOf[1].properties.code.enum;
    assert.deepEqual(codes('400'), ['invalid_data', 'malformed_body']);
    assert.deepEqual(codes('409'), ['conflict', 'thing_taken']);
    assert.deepEqual(put.responses['404'].content['application/problem+json'].schema.allOf[0], { $ref: '#/components/schemas/Problem' });
    assert.ok(doc.components.schemas.Problem, 'one shared Problem schema');
    assert.deepEqual(put.responses['5XX'], { $ref: '#/components/responses/ServerError' });
    const get = doc.paths['/things/{id}'].get;
    assert.deepEqual(get.security, [{}, { bearerAuth: [] }], 'anonymous, or with a token');
    assert.deepEqual(Object.keys(get.responses).sort(), ['200', '400', '401', '404', '5XX']);
    await app.close();
  });

  it('drains in-flight requests on close and refuses new ones', async () => {
    const { app } = await build();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    const inFlight = fetch(`${base}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const closing = app.close();
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { done: true });
    await closing;
    await assert.rejects(fetch(`${base}/healthz`));
  });
});
