import { TtlCache } from './cache';
import { apiBase } from './runtime';

const cache = new TtlCache<string[]>(300_000, 1);
const PROVIDERS = ['google', 'facebook'] as const;

/**
 * The external sign-ins the auth service has configured: its start route answers 404 for a
 * provider that is not. Asked at most every five minutes.
 */
export function oauthProviders(): Promise<string[]> {
  return cache
    .get('providers', async () => {
      const base = apiBase();
      if (!base) throw new Error('no API');
      const on = await Promise.all(
        PROVIDERS.map(async (p) => {
          const res = await fetch(`${base}/api/v1/auth/oauth/${p}/start`, { redirect: 'manual' }).catch(() => undefined);
          // No answer, or a failure: not kept (asked again on the next page).
          if (!res || res.status >= 500) throw new Error('auth unavailable');
          return res.status >= 300 && res.status < 400 ? p : undefined;
        }),
      );
      return on.filter((p): p is (typeof PROVIDERS)[number] => p !== undefined);
    })
    .catch(() => []);
}
