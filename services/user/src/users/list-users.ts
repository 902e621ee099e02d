import { InvalidData } from '@mercato/chassis';
import type { UserDeps } from '../deps.js';
import { profilesStore, type Profile } from '../profiles/profiles.store.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export interface UserPage {
  items: Profile[];
  nextCursor: string | null;
}

/** One page of users, oldest first, optionally those whose email starts with `email`. */
export async function listUsers(deps: UserDeps, opts: { limit: number; cursor?: string; email?: string }): Promise<UserPage> {
  let after;
  if (opts.cursor !== undefined) {
    after = decodeCursor(opts.cursor);
    if (!after) throw new InvalidData('The cursor is not valid', [{ pointer: '/cursor', message: 'is not a cursor from this list' }]);
  }
  const rows = await profilesStore.page(deps.db, { limit: opts.limit + 1, after, emailPrefix: opts.email });
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > opts.limit && last ? encodeCursor({ createdAtUs: last.createdAtUs, userId: last.userId }) : null;
  return { items, nextCursor };
}
