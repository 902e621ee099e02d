import type { Queryable, Row } from '@mercato/chassis';
import type { QueryResult } from 'pg';

interface NamedQuery {
  query<R extends Row>(config: { name: string; text: string; values: unknown[] }): Promise<QueryResult<R>>;
}

/**
 * Runs one of the reservation path's statements as a named prepared statement, so each
 * connection plans it once instead of on every order (planning cost as much as running them).
 * The chassis's pool and its transactions are `pg` clients underneath, which take the named form.
 */
export function prepared<R extends Row>(q: Queryable, name: string, text: string, values: unknown[]): Promise<QueryResult<R>> {
  return (q as unknown as NamedQuery).query<R>({ name: `inventory_${name}`, text, values });
}
