import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import { createAjv, toFieldErrors } from './ajv.js';

const ajv = createAjv();
const errorsOf = (schema: object, value: unknown) => {
  const validate = ajv.compile(schema);
  assert.equal(validate(value), false, 'the value must be refused');
  return toFieldErrors(validate.errors);
};

describe('toFieldErrors', () => {
  it('tells a choice among fixed values as one error naming them', () => {
    const schema = Type.Object({ sort: Type.Union([Type.Literal('newest'), Type.Literal('helpful'), Type.Literal('rating')]) });
    assert.deepEqual(errorsOf(schema, { sort: 'bogus' }), [{ pointer: '/sort', message: 'must be one of: newest, helpful, rating' }]);
    // Not a string at all: the same one error.
    assert.deepEqual(errorsOf(schema, { sort: 3 }), [{ pointer: '/sort', message: 'must be one of: newest, helpful, rating' }]);
  });

  it('names the values of an enum', () => {
    assert.deepEqual(errorsOf(Type.Object({ kind: Type.String({ enum: ['a', 'b'] }) }), { kind: 'c' }), [{ pointer: '/kind', message: 'must be one of: a, b' }]);
  });

  it('keeps the errors of a union whose branches are not fixed values', () => {
    const schema = Type.Object({ at: Type.Union([Type.String({ pattern: '^x' }), Type.Null()]) });
    const errors = errorsOf(schema, { at: 'y' });
    assert.ok(errors.some((e) => e.pointer === '/at' && /pattern/.test(e.message)), JSON.stringify(errors));
    assert.ok(!errors.some((e) => /one of/.test(e.message)), JSON.stringify(errors));
  });

  it('keeps the other errors beside a choice, each field once', () => {
    const schema = Type.Object({ sort: Type.Union([Type.Literal('a'), Type.Literal('b')]), limit: Type.Integer({ maximum: 10 }) }, { additionalProperties: false });
    assert.deepEqual(errorsOf(schema, { sort: 'z', limit: 11, extra: 1 }), [
      { pointer: '/extra', message: 'is not an allowed field' },
      { pointer: '/sort', message: 'must be one of: a, b' },
      { pointer: '/limit', message: 'must be <= 10' },
    ]);
  });
});
