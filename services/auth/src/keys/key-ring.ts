import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { newId } from '@mercato/contracts';
import type { Db, Queryable } from '@mercato/chassis';
import { toPublicJwk, type PublicJwk, type SigningKey } from '../tokens/jwt.js';
import { decryptSecret, encryptSecret } from './key-encryption.js';
import { signingKeysStore as store, type SigningKeyRow } from './signing-keys.store.js';

/** How long an instance keeps using the active key it loaded before looking again. */
export const ACTIVE_KEY_CACHE_S = 30;

/**
 * The signing keys of this service: makes sure an active and a next key exist, hands out the
 * active private key (decrypted, cached briefly), and lists the public keys to publish.
 */
export class KeyRing {
  private cached: { key: SigningKey; until: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly kek: Buffer,
  ) {}

  /** A new Ed25519 key pair, its private half sealed under the key-encryption key. */
  newKey(state: 'next' | 'active'): { kid: string; publicJwk: PublicJwk; privateKeyEnc: string; state: 'next' | 'active' } {
    const kid = newId('key');
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    return { kid, publicJwk: toPublicJwk(publicKey, kid), privateKeyEnc: encryptSecret(der, this.kek, kid), state };
  }

  /** At start: an active key and a next key exist, and the active one decrypts with our key. */
  async ensureKeys(): Promise<void> {
    await this.db.tx(async (tx) => {
      await store.lock(tx);
      if (!(await store.byState(tx, 'active'))) {
        // A next key that was published becomes active before a fresh one would.
        if (!(await store.activateNext(tx))) await store.insert(tx, this.newKey('active'));
      }
      if (!(await store.byState(tx, 'next'))) await store.insert(tx, this.newKey('next'));
    });
    this.forget();
    await this.signingKey();
  }

  forget(): void {
    this.cached = undefined;
  }

  /** The key that signs access tokens now. */
  async signingKey(q: Queryable = this.db): Promise<SigningKey> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.key;
    const row = await store.byState(q, 'active');
    if (!row) throw new Error('no active signing key');
    const key = { kid: row.kid, privateKey: this.open(row) };
    this.cached = { key, until: Date.now() + ACTIVE_KEY_CACHE_S * 1000 };
    return key;
  }

  private open(row: SigningKeyRow): KeyObject {
    let der: Buffer;
    try {
      der = decryptSecret(row.private_key_enc, this.kek, row.kid);
    } catch {
      throw new Error(
        `signing key ${row.kid} cannot be decrypted: AUTH_KEY_ENCRYPTION_KEY (or the generated key file) is not the one it was sealed with`,
      );
    }
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }

  /** The JWKS document. */
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    const rows = await store.publishable(this.db);
    return { keys: rows.map((r) => r.public_jwk) };
  }

  /** A `keyFor` over the published keys (for tests and in-process checks). */
  async publicKeys(): Promise<(kid: string) => KeyObject | undefined> {
    const { keys } = await this.jwks();
    const map = new Map(keys.map((k) => [k.kid, createPublicKey({ key: { kty: k.kty, crv: k.crv, x: k.x }, format: 'jwk' })]));
    return (kid) => map.get(kid);
  }
}
