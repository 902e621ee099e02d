import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { moveFor, REVIEW_STATUSES } from './review-states.js';

describe('review moves', () => {
  it('approve publishes a held, hidden or rejected review; never a published one twice', () => {
    assert.deepEqual(REVIEW_STATUSES.map((s) => moveFor(s, 'approve')), ['published', undefined, 'published', 'published']);
  });
  it('reject from any status but rejected; hide only a published review', () => {
    assert.deepEqual(REVIEW_STATUSES.map((s) => moveFor(s, 'reject')), ['rejected', 'rejected', undefined, 'rejected']);
    assert.deepEqual(REVIEW_STATUSES.map((s) => moveFor(s, 'hide')), [undefined, 'hidden', undefined, undefined]);
  });
});
