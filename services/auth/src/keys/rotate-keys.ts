import type { AuthDeps } from '../deps.js';
import { ACTIVE_KEY_CACHE_S } from './key-ring.js';
import { signingKeysStore as store } from './signing-keys.store.js';

export interface Rotation {
  activated: string;
  retired: string | undefined;
  next: string;
}

/**
 * Key rotation without downtime: the `next` key (already published) becomes `active`, the old
 * active key is retired but stays published for one access-token lifetime (plus the time other
 * instances may keep signing with it from their cache), and a new `next` key is published.
 */
export async function rotateKeys(deps: Pick<AuthDeps, 'db' | 'keys' | 'config'>): Promise<Rotation> {
  const result = await deps.db.tx(async (tx) => {
    await store.lock(tx);
    if (!(await store.byState(tx, 'next'))) await store.insert(tx, deps.keys.newKey('next'));
    const retired = await store.retireActive(tx, deps.config.accessTokenTtlS + ACTIVE_KEY_CACHE_S + 60);
    const activated = (await store.activateNext(tx))!;
    const next = deps.keys.newKey('next');
    await store.insert(tx, next);
    return { activated, retired, next: next.kid };
  });
  deps.keys.forget();
  return result;
}
