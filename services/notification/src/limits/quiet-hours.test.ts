import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notBefore, parseQuietHours } from './quiet-hours.js';

describe('quiet hours', () => {
  const night = parseQuietHours('21:00-08:00');

  it('parses HH:MM-HH:MM and off; refuses the rest', () => {
    assert.deepEqual(night, { startMinute: 1260, endMinute: 480 });
    assert.equal(parseQuietHours('off'), undefined);
    assert.throws(() => parseQuietHours('9pm-8am'));
  });

  it('holds a message sent at night in the customer’s zone until the morning there', () => {
    // 23:30 in Berlin (UTC+1 in winter) is 22:30 UTC → held until 08:00 Berlin = 07:00 UTC.
    assert.equal(notBefore(new Date('2026-01-10T22:30:00Z'), night, 'Europe/Berlin').toISOString(), '2026-01-11T07:00:00.000Z');
    // The same instant is 17:30 in New York: sent at once.
    assert.equal(notBefore(new Date('2026-01-10T22:30:00Z'), night, 'America/New_York').toISOString(), '2026-01-10T22:30:00.000Z');
    // 06:15 in Tokyo (UTC+9) → 08:00 Tokyo = 23:00 UTC the day before.
    assert.equal(notBefore(new Date('2026-01-10T21:15:00Z'), night, 'Asia/Tokyo').toISOString(), '2026-01-10T23:00:00.000Z');
  });

  it('treats an unknown zone as UTC, and a daytime window too', () => {
    assert.equal(notBefore(new Date('2026-01-10T22:00:00Z'), night, 'Mars/Olympus').toISOString(), '2026-01-11T08:00:00.000Z');
    const lunch = parseQuietHours('12:00-13:00');
    assert.equal(notBefore(new Date('2026-01-10T12:30:00Z'), lunch, 'UTC').toISOString(), '2026-01-10T13:00:00.000Z');
    assert.equal(notBefore(new Date('2026-01-10T11:59:00Z'), lunch, 'UTC').toISOString(), '2026-01-10T11:59:00.000Z');
  });
});
