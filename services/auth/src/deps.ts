import type { Db, Logger, Outbox } from '@mercato/chassis';
import type { AuthConfig } from './config.js';
import type { KeyRing } from './keys/key-ring.js';
import type { HashGate } from './passwords/hash-gate.js';
import type { ScryptParams } from './passwords/password-hasher.js';

/** Everything a use case needs, wired in service.ts: plain values, no container. */
export interface AuthDeps {
  db: Db;
  outbox: Outbox;
  logger: Logger;
  config: AuthConfig;
  keys: KeyRing;
  scrypt: ScryptParams;
  /** A hash of a random password, verified against when an email is unknown (same timing). */
  dummyHash: Promise<string>;
  /** Every password hash of a request goes through it (bounded, sign-ins first). */
  hashGate: HashGate;
  /** Derives a refresh token's successor (see successorOf); from the key-encryption key. */
  refreshSuccessorKey: Buffer;
}
