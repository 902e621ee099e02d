import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessOf, can, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './permissions.js';

const holders = (p: Permission) => Object.keys(ROLE_PERMISSIONS).filter((r) => can([r], p)).sort();

describe('the permission map', () => {
  it('has the four roles, each mapped to known permissions only, and the admin holds every permission', () => {
    assert.deepEqual(Object.keys(ROLE_PERMISSIONS).sort(), ['admin', 'catalog_manager', 'customer', 'support']);
    for (const list of Object.values(ROLE_PERMISSIONS)) for (const p of list) assert.ok(PERMISSIONS.includes(p), p);
    for (const p of PERMISSIONS) assert.ok(can(['admin'], p), p);
  });

  it('gives a customer their own things only', () => {
    assert.deepEqual(
      [...ROLE_PERMISSIONS.customer].sort(),
      ['addresses:read:own', 'addresses:write:own', 'notifications:own', 'profile:read:own', 'profile:write:own', 'reviews:report', 'reviews:vote', 'reviews:write:own'],
    );
  });

  it('lets nobody but the admin move money, grant roles, erase users, delete any review, run operations or read the dev mailbox', () => {
    for (const p of ['refunds:create', 'users:roles:write', 'users:erase', 'reviews:delete:any', 'operations', 'notifications:mailbox', 'orders:fulfil'] as const) {
      assert.deepEqual(holders(p), ['admin'], p);
    }
  });

  it('gives support the reads that help a customer, and moderation; the catalog manager the catalog and stock', () => {
    for (const p of ['users:read', 'orders:read:any', 'orders:stats:read', 'payments:read:any', 'reviews:moderate', 'notifications:log:read', 'notifications:resend'] as const) {
      assert.deepEqual(holders(p), ['admin', 'support'], p);
    }
    for (const p of ['catalog:write', 'catalog:read:unpublished', 'stock:read', 'stock:write', 'warehouses:read', 'warehouses:write'] as const) {
      assert.deepEqual(holders(p), ['admin', 'catalog_manager'], p);
    }
    assert.deepEqual(holders('reviews:reply'), ['admin', 'catalog_manager', 'support']);
  });

  it('grants nothing to nobody, no roles, unknown roles or prototype names; combines roles', () => {
    assert.equal(can(undefined, 'profile:read:own'), false);
    assert.equal(can([], 'profile:read:own'), false);
    assert.equal(can(['root', 'toString', '__proto__', 'constructor'], 'profile:read:own'), false);
    assert.ok(can(['customer', 'support'], 'users:read'));
    assert.ok(can({ userId: 'usr_1', roles: ['catalog_manager'], expiresAt: 0 }, 'catalog:write'));
  });

  it('states in the API document what the guard enforces', () => {
    assert.equal(accessOf('profile:read:own'), 'signed-in');
    assert.deepEqual(accessOf('refunds:create'), { roles: ['admin'] });
    assert.deepEqual(accessOf('orders:read:any'), { roles: ['admin', 'support'] });
  });
});
