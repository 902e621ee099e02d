import { randomFillSync } from 'node:crypto';

// Crockford base32: sortable as text, no ambiguous letters.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes drawn from a pooled buffer: one system call per 4 KiB instead of one per id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

/** `n` cryptographically random bytes (a copy, safe to keep). */
export function randomBytesPooled(n: number): Buffer {
  if (n > pool.length) throw new RangeError('too many bytes');
  if (poolOffset + n > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = Buffer.from(pool.subarray(poolOffset, poolOffset + n));
  poolOffset += n;
  return out;
}

/** `n` cryptographically random bytes as hex, from the same pool (no copy). */
export function randomHexPooled(n: number): string {
  if (n > pool.length) throw new RangeError('too many bytes');
  if (poolOffset + n > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += n;
  return pool.toString('hex', poolOffset - n, poolOffset);
}

let lastTime = -1;
let lastTimeText = '';
let lastRandom: Uint8Array = new Uint8Array(10);

function encodeTime(time: number): string {
  let out = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits → 16 base32 characters, most significant first, 5 bits at a time (no BigInt: this
  // runs for every request id).
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 10; i++) {
    acc = (acc << 8) | bytes[i]!;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >>> bits) & 31]!;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

/** Adds one to `bytes` in place (they are this module's own copy: see randomBytesPooled). */
function increment(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i]! < 255) {
      bytes[i]! += 1;
      return bytes;
    }
    bytes[i] = 0;
  }
  return bytes;
}

/**
 * A ULID: 48 bits of milliseconds and 80 random bits, monotonic within this process,
 * so ids sort by creation time as text and as bytes.
 */
export function ulid(now: number = Date.now()): string {
  if (now <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = now;
    lastTimeText = encodeTime(now);
    lastRandom = randomBytesPooled(10);
  }
  return lastTimeText + encodeRandom(lastRandom);
}

/** A prefixed, time-sortable id such as `ord_01JD…` (Stripe style). */
export function newId(prefix: string): string {
  return `${prefix}_${ulid()}`;
}

export const ID_PATTERN = '^[a-z]{2,8}_[0-9A-HJKMNP-TV-Z]{26}$';
