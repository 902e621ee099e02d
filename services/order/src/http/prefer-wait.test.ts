import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preferredWait } from './orders.routes.js';

describe('Prefer: wait', () => {
  it('reads wait=N, capped at 30 seconds; 0 when absent or malformed', () => {
    assert.equal(preferredWait(undefined), 0);
    assert.equal(preferredWait('wait=1'), 1);
    assert.equal(preferredWait('respond-async, wait=5'), 5);
    assert.equal(preferredWait('wait=100'), 30);
    assert.equal(preferredWait('wait=-1'), 0);
    assert.equal(preferredWait('wait=abc'), 0);
    assert.equal(preferredWait('handling=lenient'), 0);
  });
});
