import { isTimeZone } from '@mercato/contracts';

/** Quiet hours as minutes since local midnight: [start, end), wrapping past midnight when start > end. */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** `21:00-08:00` → {1260, 480}; undefined for `off`. Throws on anything else. */
export function parseQuietHours(raw: string): QuietHours | undefined {
  if (raw === 'off') return undefined;
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!m) throw new Error('expected HH:MM-HH:MM or off');
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (start === end) return undefined;
  return { startMinute: start, endMinute: end };
}


/** Minutes since midnight at `at` in `timeZone`. */
function localMinute(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * When a non-urgent message may go out: `at` itself outside the quiet hours of the customer's
 * time zone, else the end of the quiet hours (to the minute; daylight-saving shifts at night
 * move it by their hour at most). An unknown zone counts as UTC.
 */
export function notBefore(at: Date, quiet: QuietHours | undefined, timeZone: string | null | undefined): Date {
  if (!quiet) return at;
  const tz = timeZone && isTimeZone(timeZone) ? timeZone : 'UTC';
  const now = localMinute(at, tz);
  const { startMinute: s, endMinute: e } = quiet;
  const inside = s < e ? now >= s && now < e : now >= s || now < e;
  if (!inside) return at;
  const wait = (e - now + 1440) % 1440;
  const out = new Date(at.getTime() + wait * 60_000);
  out.setUTCSeconds(0, 0);
  return out;
}
