import type { UserDeps } from '../deps.js';
import { AddressNotFound, assertCountry } from './address.js';
import { addressesStore, type Address, type AddressFields } from './addresses.store.js';

export type AddressPatch = Partial<AddressFields>;

/** Changes the fields given (null clears an optional one) on one of the caller's addresses. */
export async function updateAddress(deps: UserDeps, userId: string, id: string, patch: AddressPatch): Promise<Address> {
  assertCountry(patch.country);
  return deps.db.tx(async (tx) => {
    const current = await addressesStore.get(tx, userId, id);
    if (!current) throw new AddressNotFound();
    const next: AddressFields = { ...pickFields(current) };
    for (const [key, value] of Object.entries(patch) as [keyof AddressFields, never][]) if (value !== undefined) next[key] = value;
    await addressesStore.clearDefaults(tx, userId, { shipping: patch.isDefaultShipping === true, billing: patch.isDefaultBilling === true }, id);
    return addressesStore.replace(tx, userId, id, next);
  });
}

function pickFields(a: Address): AddressFields {
  return {
    name: a.name,
    line1: a.line1,
    line2: a.line2,
    city: a.city,
    region: a.region,
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone,
    isDefaultShipping: a.isDefaultShipping,
    isDefaultBilling: a.isDefaultBilling,
  };
}
