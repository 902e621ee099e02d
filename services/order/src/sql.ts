import { prepared, type Queryable, type Row } from '@mercato/chassis';

/** A statement of the checkout and saga paths, prepared once per connection (see chassis `prepared`). */
export function sql<R extends Row = Row>(q: Queryable, name: string, text: string, values: readonly unknown[]) {
  return prepared<R>(q, `order_${name}`, text, values);
}
