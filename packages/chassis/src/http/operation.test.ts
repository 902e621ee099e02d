import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessFor, operation, OPERATION_KEY, problemCodesOf, problemResponse } from './operation.js';

describe('operation declarations', () => {
  it('derives the access from a permission map: signed-in when every role holds it, else those roles', () => {
    const map = { customer: ['own'], support: ['own', 'read'], admin: ['own', 'read', 'write'] } as const;
    assert.equal(accessFor(map, 'own'), 'signed-in');
    assert.deepEqual(accessFor(map, 'read'), { roles: ['admin', 'support'] });
    assert.deepEqual(accessFor(map, 'write'), { roles: ['admin'] });
    assert.throws(() => accessFor<string>(map, 'nobody'), /No role holds/);
  });

  it('keeps the codes of each status, one or several', () => {
    const d = operation('shipOrder', { roles: ['admin'] }, { 404: 'not_found', 409: ['illegal_transition', 'conflict'] });
    assert.deepEqual(d[OPERATION_KEY], { access: { roles: ['admin'] }, problems: { 404: ['not_found'], 409: ['illegal_transition', 'conflict'] } });
    assert.throws(() => operation('x1', { roles: [] as unknown as [string] }), /at least one role/);
    assert.throws(() => operation('bad', 'public', { 404: 'Not Found' }), /snake_case/);
  });

  it('writes an error response as problem+json naming its codes, and reads them back', () => {
    const r = problemResponse('409', ['sku_taken', 'slug_taken', 'sku_taken']);
    assert.equal(r.description, 'Conflict: `sku_taken`, `slug_taken`');
    assert.deepEqual(problemCodesOf(r), ['sku_taken', 'slug_taken']);
    assert.deepEqual(problemCodesOf({ description: 'no body' }), []);
  });
});
