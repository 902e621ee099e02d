import { createHmac, timingSafeEqual } from 'node:crypto';
import { CATEGORIES, type Category } from './preferences.js';

/**
 * The signed token of a one-click unsubscribe link (RFC 8058): who, from which category of
 * email. It needs no sign-in, so it carries an HMAC over exactly those two facts and nothing
 * else can be changed with it. It does not expire: an unsubscribe link must keep working.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: Buffer) {}

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`unsubscribe:${payload}`).digest('base64url').slice(0, 32);
  }

  sign(userId: string, category: Category): string {
    const payload = Buffer.from(`${userId}.${category}`).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  verify(token: string): { userId: string; category: Category } | undefined {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return undefined;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const [userId, category] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
    if (!userId || !(CATEGORIES as readonly string[]).includes(category ?? '')) return undefined;
    return { userId, category: category as Category };
  }
}
