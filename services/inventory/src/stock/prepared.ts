import { prepared as preparedStatement, type Queryable, type Row } from '@mercato/chassis';

/** The reservation path's statements, prepared once per connection (names kept apart from others'). */
export function prepared<R extends Row>(q: Queryable, name: string, text: string, values: unknown[]) {
  return preparedStatement<R>(q, `inventory_${name}`, text, values);
}
