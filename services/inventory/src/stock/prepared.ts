import { prepared as preparedStatement, type Queryable, type Row } from '@mercato/chassis';
import type { QueryResult } from 'pg';

/** The reservation path's statements, prepared once per connection (names kept apart from others'). */
export function prepared<R extends Row>(q: Queryable, name: string, text: string, values: unknown[]): Promise<QueryResult<R>> {
  return preparedStatement<R>(q, `inventory_${name}`, text, values);
}
