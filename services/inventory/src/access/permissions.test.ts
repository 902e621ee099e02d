import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can } from './permissions.js';

describe('inventory permissions', () => {
  it('lets admins and catalog managers manage stock, and nobody else', () => {
    for (const role of ['admin', 'catalog_manager']) {
      assert.ok(can([role], 'stock:write'));
      assert.ok(can([role], 'warehouses:write'));
    }
    for (const roles of [['customer'], ['support'], [], ['root'], ['__proto__']]) {
      assert.equal(can(roles, 'stock:read'), false, roles.join());
      assert.equal(can(roles, 'stock:write'), false, roles.join());
    }
  });
});
