import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { skipUnless } from '@mercato/chassis/testing';
import { productBody, startCatalog, type CatalogUnderTest } from './support.js';

// Over real HTTP: cached anonymous reads are answered ahead of the routes, with the same bytes
// and headers, and never after a write has changed them.
describe('catalog fast reads over HTTP', { skip: skipUnless('postgres') }, () => {
  let c: CatalogUnderTest;
  let id: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${c.svc.url}${path}`, { headers });

  before(async () => {
    c = await startCatalog({ listen: true });
    id = (await c.manager('POST', '/products', productBody({ slug: 'fast-tee', title: 'Fast Tee' }))).json<{ id: string }>().id;
  });
  after(async () => {
    await c?.stop();
  });

  it('answers a repeated anonymous read from the cache with the same body and validators', async () => {
    for (const path of ['/products/fast-tee', '/products?q=fast', '/categories']) {
      const first = await get(path);
      assert.equal(first.status, 200);
      assert.equal(first.headers.get('x-cache'), 'miss', path);
      const body = await first.text();
      const second = await get(path, { 'x-request-id': 'req-fast-1' });
      assert.equal(second.headers.get('x-cache'), 'hit', path);
      assert.equal(await second.text(), body);
      for (const h of ['etag', 'cache-control', 'vary', 'content-type']) assert.equal(second.headers.get(h), first.headers.get(h), `${path} ${h}`);
      assert.equal(second.headers.get('x-request-id'), 'req-fast-1');
      assert.match(second.headers.get('traceparent') ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      const notModified = await get(path, { 'if-none-match': first.headers.get('etag')! });
      assert.equal(notModified.status, 304);
      assert.equal(await notModified.text(), '');
    }
  });

  it('never serves a read from before a write, nor a cached answer to a token holder', async () => {
    assert.equal((await get('/products/fast-tee')).headers.get('x-cache'), 'hit');
    assert.equal((await c.editor('PATCH', `/products/${id}`, { title: 'Faster Tee' })).statusCode, 200);
    const fresh = await get('/products/fast-tee');
    assert.equal(fresh.headers.get('x-cache'), 'miss');
    assert.equal(((await fresh.json()) as { title: string }).title, 'Faster Tee');
    const listed = (await (await get('/products?q=fast')).json()) as { items: Array<{ title: string }> };
    assert.equal(listed.items[0]!.title, 'Faster Tee');

    // A draft is never cached for the public, and a manager's read is never the cached one.
    assert.equal((await c.editor('PATCH', `/products/${id}`, { status: 'draft' })).statusCode, 200);
    assert.equal((await get('/products/fast-tee')).status, 404);
    assert.equal((await get('/products/fast-tee')).status, 404);
    assert.equal((await get('/products?q=fast&colour=red')).status, 400);
  });
});
