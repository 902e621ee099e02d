import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COUNTRY_CODES, isCountryCode } from './countries.js';

describe('country codes', () => {
  it('holds the 249 assigned codes, unique, sorted, two upper-case letters', () => {
    assert.equal(COUNTRY_CODES.length, 249);
    assert.equal(new Set(COUNTRY_CODES).size, 249);
    assert.deepEqual([...COUNTRY_CODES].sort(), COUNTRY_CODES);
    for (const c of COUNTRY_CODES) assert.match(c, /^[A-Z]{2}$/);
  });

  it('accepts assigned codes and refuses reserved, user-assigned and lower-case ones', () => {
    for (const c of ['US', 'GB', 'DE', 'IN', 'FR', 'JP', 'BR', 'SS', 'AX', 'CW']) assert.ok(isCountryCode(c), c);
    for (const c of ['UK', 'EU', 'XK', 'ZZ', 'AA', 'QM', 'XA', 'AN', 'YU', 'us', 'U', 'USA', '']) assert.equal(isCountryCode(c), false, c);
  });
});
