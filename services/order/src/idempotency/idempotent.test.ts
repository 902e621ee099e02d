import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, requestHash } from './idempotent.js';

describe('request hashing', () => {
  it('ignores key order and absent fields, not values', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    assert.ok(requestHash({ a: 1, b: 'x' }).equals(requestHash({ b: 'x', a: 1, c: undefined })));
    assert.ok(!requestHash({ a: 1 }).equals(requestHash({ a: 2 })));
    assert.ok(!requestHash({ a: [1, 2] }).equals(requestHash({ a: [2, 1] })));
  });
});
