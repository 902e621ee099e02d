import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateContact } from './contact-fields.js';

describe('contact fields', () => {
  it('keeps a valid phone in E.164, whatever its spacing', () => {
    assert.equal(validateContact({ phone: '+49 151 1234 5678' }).phone, '+4915112345678');
    assert.equal(validateContact({ phone: '+1 (415) 555-0123' }).phone, '+14155550123');
    assert.equal(validateContact({ phone: null }).phone, null);
  });
  it('refuses numbers that are not real or not international, and unknown time zones', () => {
    for (const phone of ['+1 555 010 0200', '0151 1234 5678', '+999 123']) assert.throws(() => validateContact({ phone }), (e: { status?: number }) => e.status === 400, phone);
    assert.throws(() => validateContact({ timeZone: 'Mars/Olympus' }), (e: { status?: number }) => e.status === 400);
    assert.equal(validateContact({ timeZone: 'Asia/Tokyo' }).timeZone, 'Asia/Tokyo');
  });
});
