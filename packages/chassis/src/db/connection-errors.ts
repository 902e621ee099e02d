/**
 * Telling a lost or unreachable database apart from a bug. PostgreSQL's own codes for a server
 * that is shutting down, starting or out of connections, the connection-exception class (08…),
 * the socket errors of a dropped connection, and what `pg` and its pool throw for a connection
 * that ended or could not be made in time.
 */
const SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '53300', // too_many_connections
]);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
const MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection terminated due to connection timeout',
];

/** Whether `err` says the database cannot be reached (now), rather than that the statement is wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (SQLSTATES.has(e.code) || e.code.startsWith('08') || SOCKET_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => (e.message as string).startsWith(m))) return true;
  // AggregateError (several addresses refused) and wrapped errors.
  const inner = (err as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.length > 0 && inner.every(isDatabaseUnavailable)) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}

/** Whether a failed start should be retried: the server is not (yet) there, as opposed to refusing us. */
export function isWorthWaitingFor(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  // A wrong password, a missing database or role will not fix themselves.
  if (code === '28P01' || code === '28000' || code === '3D000') return false;
  return isDatabaseUnavailable(err);
}

/** The URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    // `postgres://user:@host` reads oddly; drop the empty password's colon.
    return u.toString().replace(/^([a-z]+:\/\/[^:@/]*):@/i, '$1@');
  } catch {
    return '(an invalid URL)';
  }
}
