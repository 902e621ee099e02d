import type { UserDeps } from '../deps.js';
import { AddressNotFound } from './address.js';
import { addressesStore } from './addresses.store.js';

export async function deleteAddress(deps: UserDeps, userId: string, id: string): Promise<void> {
  if (!(await addressesStore.remove(deps.db, userId, id))) throw new AddressNotFound();
}
