import { InvalidData } from '@mercato/chassis';
import { isTimeZone } from '@mercato/contracts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { ProfilePatch } from './update-profile.js';

/**
 * Checks what the schema cannot: the phone is a real, assignable number (libphonenumber's full
 * metadata), given in international form, and is kept in E.164 (`+4915112345678`) so SMS can
 * use it as is; the time zone is one the runtime knows. A bad value is a 400 naming the field.
 */
export function validateContact(patch: ProfilePatch): ProfilePatch {
  const out = { ...patch };
  if (typeof patch.phone === 'string') {
    const parsed = parsePhoneNumberFromString(patch.phone);
    if (!parsed || !parsed.isValid()) {
      throw new InvalidData('The phone number is not a valid number in international form (+ and country code)', [{ pointer: '/phone', message: 'not a valid phone number' }]);
    }
    out.phone = parsed.number;
  }
  if (typeof patch.timeZone === 'string' && !isTimeZone(patch.timeZone)) {
    throw new InvalidData('The time zone is not a known IANA time zone, e.g. Europe/Berlin', [{ pointer: '/timeZone', message: 'unknown time zone' }]);
  }
  return out;
}
