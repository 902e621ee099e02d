import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, PERMISSIONS, ROLE_PERMISSIONS } from './permissions.js';

describe('permissions', () => {
  it('gives a customer their own profile and addresses, nothing else', () => {
    assert.ok(can(['customer'], 'profile:read:own'));
    assert.ok(can(['customer'], 'profile:write:own'));
    assert.ok(can(['customer'], 'addresses:write:own'));
    assert.equal(can(['customer'], 'users:read'), false);
    assert.equal(can(['customer'], 'users:roles:write'), false);
  });

  it('lets support read users but not change roles; admin does both', () => {
    assert.ok(can(['support'], 'users:read'));
    assert.equal(can(['support'], 'users:roles:write'), false);
    assert.ok(can(['admin'], 'users:read'));
    assert.ok(can(['admin'], 'users:roles:write'));
    assert.equal(can(['catalog_manager'], 'users:read'), false);
  });

  it('combines roles and grants nothing to unknown or no roles', () => {
    assert.ok(can(['customer', 'admin'], 'users:roles:write'));
    assert.equal(can([], 'profile:read:own'), false);
    assert.equal(can(['root', 'toString', '__proto__'], 'profile:read:own'), false);
  });

  it('maps every role to known permissions only', () => {
    for (const list of Object.values(ROLE_PERMISSIONS)) for (const p of list) assert.ok(PERMISSIONS.includes(p));
    assert.deepEqual(Object.keys(ROLE_PERMISSIONS).sort(), ['admin', 'catalog_manager', 'customer', 'support']);
  });
});
