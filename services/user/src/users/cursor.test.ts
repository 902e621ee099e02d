import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from '@mercato/contracts';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('user list cursor', () => {
  it('round-trips a microsecond timestamp and an id, as opaque url-safe text', () => {
    const c = { createdAtUs: 1_764_126_000_123_456, userId: newId('usr') };
    const text = encodeCursor(c);
    assert.match(text, /^[A-Za-z0-9_-]+$/);
    assert.ok(!text.includes(c.userId));
    assert.deepEqual(decodeCursor(text), c);
  });

  it('refuses anything it did not issue', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of ['', 'not a cursor', '!!!', b64('123'), b64('abc.usr_01JD0000000000000000000000'), b64('1.not-an-id'), b64('99999999999999999.' + newId('usr')), 'x'.repeat(201)]) {
      assert.equal(decodeCursor(bad), undefined, bad);
    }
  });
});
