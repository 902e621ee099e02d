import type { Queryable } from '@mercato/chassis';

/**
 * GDPR erasure of a customer (UserDeleted): their orders stay for the books — lines, amounts,
 * taxes, country — without the person: no account, email, name, street or phone, and no way to
 * open them (a random access-token hash). Their carts and stored checkout answers go.
 */
export async function anonymiseCustomer(tx: Queryable, userId: string): Promise<number> {
  const erasedAddress = `jsonb_build_object('name', 'erased', 'line1', 'erased', 'city', 'erased', 'country', a->>'country')`;
  const r = await tx.query(
    `UPDATE orders o SET user_id = NULL, email = 'erased@erased.invalid',
            shipping_address = (SELECT ${erasedAddress} FROM (SELECT o.shipping_address AS a) s),
            billing_address = CASE WHEN o.billing_address IS NULL THEN NULL ELSE (SELECT ${erasedAddress} FROM (SELECT o.billing_address AS a) b) END,
            access_token_hash = sha256(convert_to(gen_random_uuid()::text, 'UTF8')),
            anonymised_at = now(), updated_at = now()
      WHERE o.user_id = $1`,
    [userId],
  );
  await tx.query('DELETE FROM carts WHERE owner_user_id = $1', [userId]);
  await tx.query('DELETE FROM idempotency_keys WHERE scope = $1', [userId]);
  return r.rowCount ?? 0;
}
