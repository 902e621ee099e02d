import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor } from './cursor.js';

const id = 'rev_01JD0000000000000000000000';

describe('review list cursors', () => {
  it('round-trips for its own sort', () => {
    const c = { sort: 'helpful' as const, keys: [3, 1_700_000_000_000_000], id };
    assert.deepEqual(decodeCursor(encodeCursor(c), 'helpful'), c);
  });
  it('refuses another sort, forged keys and garbage with a 400', () => {
    const newest = encodeCursor({ sort: 'newest', keys: [5], id });
    for (const raw of [
      newest.replace(/.$/, ''),
      encodeCursor({ sort: 'newest', keys: [5], id }),
      Buffer.from(JSON.stringify(['rating', "1'; DROP TABLE reviews", 2, id])).toString('base64url'),
      Buffer.from(JSON.stringify(['rating', 1.5, 2, id])).toString('base64url'),
      Buffer.from(JSON.stringify(['rating', 1, 2, 'x'])).toString('base64url'),
      '%%%',
    ]) {
      assert.throws(() => decodeCursor(raw, 'rating'), (e: { status?: number }) => e.status === 400, raw);
    }
  });
});
