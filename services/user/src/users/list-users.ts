import { InvalidData } from '@mercato/chassis';
import type { Role } from '@mercato/contracts';
import type { UserDeps } from '../deps.js';
import { profilesStore, type Profile } from '../profiles/profiles.store.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export interface UserPage {
  items: Profile[];
  nextCursor: string | null;
}

/**
 * One page of users, oldest first; optionally those whose email starts with `email`, those that
 * `q` finds (an email prefix or any part of the name), those holding `role`.
 */
export async function listUsers(deps: UserDeps, opts: { limit: number; cursor?: string; email?: string; q?: string; role?: Role }): Promise<UserPage> {
  let after;
  if (opts.cursor !== undefined) {
    after = decodeCursor(opts.cursor);
    if (!after) throw new InvalidData('The cursor is not valid', [{ pointer: '/cursor', message: 'is not a cursor from this list' }]);
  }
  const search = opts.q?.trim();
  const rows = await profilesStore.page(deps.db, { limit: opts.limit + 1, after, emailPrefix: opts.email, search: search ? search : undefined, role: opts.role });
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > opts.limit && last ? encodeCursor({ createdAtUs: last.createdAtUs, userId: last.userId }) : null;
  return { items, nextCursor };
}
