import { ID_PATTERN } from '@mercato/contracts';

/**
 * A position in the admin user list: the last row's creation time (microseconds since the epoch,
 * exactly as PostgreSQL stores it) and its id. Keyset pagination on (created_at, user_id) stays
 * stable while users are added. The wire form is opaque to clients.
 */
export interface UserCursor {
  createdAtUs: number;
  userId: string;
}

const ID = new RegExp(ID_PATTERN);
const MAX_US = Number.MAX_SAFE_INTEGER;

export function encodeCursor(c: UserCursor): string {
  return Buffer.from(`${c.createdAtUs}.${c.userId}`, 'utf8').toString('base64url');
}

/** The cursor, or undefined when the text is not one this service issued. */
export function decodeCursor(text: string): UserCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return undefined;
  const raw = Buffer.from(text, 'base64url').toString('utf8');
  const m = /^(-?\d{1,16})\.(.+)$/.exec(raw);
  if (!m) return undefined;
  const createdAtUs = Number(m[1]);
  const userId = m[2]!;
  if (!Number.isSafeInteger(createdAtUs) || Math.abs(createdAtUs) > MAX_US || !ID.test(userId)) return undefined;
  return { createdAtUs, userId };
}
