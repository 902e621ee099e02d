import { newId } from '@mercato/contracts';
import type { UserDeps } from '../deps.js';
import { ProfileNotFound } from '../profiles/profile.errors.js';
import { profilesStore } from '../profiles/profiles.store.js';
import { assertCountry, MAX_ADDRESSES, TooManyAddresses } from './address.js';
import { addressesStore, type Address, type AddressFields } from './addresses.store.js';

export type NewAddress = Pick<AddressFields, 'name' | 'line1' | 'city' | 'country'> & Partial<AddressFields>;

/**
 * Adds an address to the caller's book. The profile row is locked first, so two concurrent adds
 * cannot both pass the limit. The first address becomes the default for shipping and billing
 * unless the caller says otherwise; a new default takes the flag from the old one.
 */
export async function addAddress(deps: UserDeps, userId: string, input: NewAddress): Promise<Address> {
  assertCountry(input.country);
  return deps.db.tx(async (tx) => {
    if (!(await profilesStore.byId(tx, userId, { forUpdate: true }))) throw new ProfileNotFound();
    const count = await addressesStore.count(tx, userId);
    if (count >= MAX_ADDRESSES) throw new TooManyAddresses();
    const fields: AddressFields = {
      name: input.name,
      line1: input.line1,
      line2: input.line2 ?? null,
      city: input.city,
      region: input.region ?? null,
      postalCode: input.postalCode ?? null,
      country: input.country,
      phone: input.phone ?? null,
      isDefaultShipping: input.isDefaultShipping ?? count === 0,
      isDefaultBilling: input.isDefaultBilling ?? count === 0,
    };
    await addressesStore.clearDefaults(tx, userId, { shipping: fields.isDefaultShipping, billing: fields.isDefaultBilling }, null);
    return addressesStore.insert(tx, userId, newId('adr'), fields);
  });
}
