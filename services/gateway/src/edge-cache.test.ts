import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatHead, MemoryEdgeStore, type CachedAnswer } from './edge-cache.js';

const answer = (body: string, headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }): CachedAnswer => ({
  status: 200,
  headers: { 'cache-control': 'public, max-age=30', ...headers },
  body: Buffer.from(body),
  etag: undefined,
  storedAt: Date.now(),
  expiresAt: Date.now() + 30_000,
  age: 0,
});
const body = (a: CachedAnswer | null) => a?.body.toString() ?? null;

describe('MemoryEdgeStore', () => {
  it('evicts, past its byte bound, a URL not read since it was stored before one that was', () => {
    const store = new MemoryEdgeStore({ maxBytes: 30 });
    store.store('/a', '0', [], {}, answer('a'.repeat(10)));
    store.store('/b', '0', [], {}, answer('b'.repeat(10)));
    store.store('/c', '0', [], {}, answer('c'.repeat(10)));
    // All three were just stored; a and c are read again, b is not.
    assert.equal(body(store.lookup('/a', {}).answer), 'a'.repeat(10));
    assert.equal(body(store.lookup('/c', {}).answer), 'c'.repeat(10));
    store.store('/d', '0', [], {}, answer('d'.repeat(10)));
    assert.equal(store.lookup('/b', {}).answer, null, 'b, read least lately, goes first');
    assert.ok(store.lookup('/a', {}).answer && store.lookup('/c', {}).answer && store.lookup('/d', {}).answer);
    assert.equal(store.size, 3);
    // Without reads in between, the oldest goes: a, c and d were all read above, then e comes.
    store.store('/e', '0', [], {}, answer('e'.repeat(25)));
    assert.ok(store.lookup('/e', {}).answer, 'the newest is kept');
    assert.equal(store.size, 1, 'the bound holds: 25 of 30 bytes');
  });

  it('keeps the variants of a URL apart, the plain one for requests without the headers it varies on', () => {
    const store = new MemoryEdgeStore({ maxBytes: 1000 });
    store.store('/p', '0', ['accept-language'], {}, answer('plain'));
    store.store('/p', '0', ['accept-language'], { 'accept-language': 'fr' }, answer('french'));
    assert.equal(body(store.lookup('/p', {}).answer), 'plain');
    assert.equal(body(store.lookup('/p', { 'accept-language': 'fr' }).answer), 'french');
    assert.equal(store.lookup('/p', { 'accept-language': 'de' }).answer, null);
    assert.equal(body(store.lookup('/p', { 'accept-language': '' }).answer), 'plain', 'an empty value selects what no value does');
  });

  it('serves nothing after a purge, and keeps nothing stored under the generation before it', () => {
    const store = new MemoryEdgeStore({ maxBytes: 1000 });
    const { token } = store.lookup('/x', {});
    assert.equal(token, '0');
    store.store('/x', token, [], {}, answer('old'));
    store.purge();
    assert.equal(store.lookup('/x', {}).answer, null);
    assert.equal(store.lookup('/x', {}).token, '1');
    store.store('/x', token, [], {}, answer('computed before the write'));
    assert.equal(store.lookup('/x', {}).answer, null);
    assert.equal(store.adopt(5), true);
    assert.equal(store.lookup('/x', {}).token, '5');
    assert.equal(store.adopt(4), false);
  });

  it('drops an answer whose freshness ran out', () => {
    let now = 1_000;
    const store = new MemoryEdgeStore({ maxBytes: 1000, now: () => now });
    store.store('/x', '0', [], {}, { ...answer('x'), expiresAt: 2_000 });
    assert.ok(store.lookup('/x', {}).answer);
    now = 2_000;
    assert.equal(store.lookup('/x', {}).answer, null);
  });
});

describe('flatHead', () => {
  it('lists the kept headers with the body’s own length, for writeHead', () => {
    const a = answer('{"ok":true}', { 'content-type': 'application/json', 'content-length': '999', vary: 'Authorization' });
    assert.deepEqual(flatHead(a), ['cache-control', 'public, max-age=30', 'content-type', 'application/json', 'vary', 'Authorization', 'content-length', '11']);
  });
});
