import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SessionGenerations, sessionGenerationsUrl } from './session-generations.js';

function server(initial: unknown) {
  const state = { body: initial as unknown, status: 200, calls: 0 };
  const fetchFn = (async () => {
    state.calls++;
    return new Response(JSON.stringify(state.body), { status: state.status });
  }) as typeof fetch;
  return { state, fetchFn };
}

describe('session generations', () => {
  it('refuses tokens of an older generation within the keep window, accepts the rest', async () => {
    let now = 1_000_000;
    const { fetchFn } = server({ items: [{ userId: 'usr_1', generation: 2, changedAt: new Date(now).toISOString() }], keepS: 960 });
    const g = new SessionGenerations({ url: 'http://auth/internal/session-generations', fetch: fetchFn, now: () => now });
    assert.equal(await g.revoked('usr_1', 1), true);
    assert.equal(await g.revoked('usr_1', undefined), true, 'a token without sgen is generation 0');
    assert.equal(await g.revoked('usr_1', 2), false);
    assert.equal(await g.revoked('usr_2', 0), false);
    now += 961_000;
    assert.equal(await g.revoked('usr_1', 1), false, 'past the keep window every such token has expired anyway');
  });

  it('reads once, then refreshes in the background when its copy is old', async () => {
    let now = 0;
    const { state, fetchFn } = server({ items: [], keepS: 960 });
    const g = new SessionGenerations({ url: 'http://auth/x', fetch: fetchFn, now: () => now, refreshMs: 5_000 });
    await g.revoked('usr_1', 0);
    await g.revoked('usr_1', 0);
    assert.equal(state.calls, 1);
    state.body = { items: [{ userId: 'usr_1', generation: 1, changedAt: new Date(now).toISOString() }], keepS: 960 };
    now += 6_000;
    assert.equal(await g.revoked('usr_1', 0), false, 'answered from the copy while it refreshes');
    await g.refresh();
    assert.equal(await g.revoked('usr_1', 0), true);
  });

  it('fails open and keeps its copy while auth cannot be read', async () => {
    let now = 0;
    const { state, fetchFn } = server({ items: [{ userId: 'usr_1', generation: 1, changedAt: new Date(now).toISOString() }], keepS: 960 });
    const g = new SessionGenerations({ url: 'http://auth/x', fetch: fetchFn, now: () => now, refreshMs: 1 });
    assert.equal(await g.revoked('usr_1', 0), true);
    state.status = 503;
    now += 10;
    await g.refresh();
    assert.equal(await g.revoked('usr_1', 0), true, 'the copy held stays');
    const blind = new SessionGenerations({ url: 'http://auth/x', fetch: fetchFn });
    assert.equal(await blind.revoked('usr_1', 0), false, 'never read: tokens are accepted');
  });

  it('lives next to the JWKS', () => {
    assert.equal(sessionGenerationsUrl('http://auth:8081/.well-known/jwks.json'), 'http://auth:8081/internal/session-generations');
  });
});
