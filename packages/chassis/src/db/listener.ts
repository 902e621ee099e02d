import pg from 'pg';
import type { Logger } from '../logger.js';

/** One channel's subscriber: its payloads, and a call after a gap (notifications may have been lost). */
interface Channel {
  name: string;
  onPayload: (payload: string) => void;
  onGap: () => void;
}

export interface Subscription {
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The LISTEN side of a database: one connection of its own (outside the pool, so it never takes
 * a connection the requests need) for every channel a process listens on, opened with the first
 * subscription and closed with the last. A lost connection is reopened with backoff, every
 * channel is LISTENed again, and each subscriber is told of the gap: notifications sent
 * meanwhile are lost, so callers re-read what they wait for.
 */
export class NotificationListener {
  private readonly channels = new Set<Channel>();
  private client: pg.Client | undefined;
  /** The channels LISTENed on the current connection. */
  private listening = new Set<string>();
  private opening: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(
    private readonly url: string,
    private readonly logger: Logger | undefined,
  ) {}

  async listen(channel: string, onPayload: (payload: string) => void, onGap: () => void = () => undefined): Promise<Subscription> {
    if (!CHANNEL.test(channel)) throw new Error(`invalid channel name ${channel}`);
    const sub: Channel = { name: channel, onPayload, onGap };
    this.channels.add(sub);
    try {
      if (!this.client) await this.open();
      const c = this.client!;
      if (!this.listening.has(channel)) {
        this.listening.add(channel);
        await c.query(`LISTEN ${channel}`);
      }
    } catch (err) {
      this.channels.delete(sub);
      throw err;
    }
    return { close: () => this.unsubscribe(sub) };
  }

  private async unsubscribe(sub: Channel): Promise<void> {
    if (!this.channels.delete(sub)) return;
    if (this.channels.size === 0) return this.close();
    if ([...this.channels].some((c) => c.name === sub.name) || !this.listening.delete(sub.name)) return;
    await this.client?.query(`UNLISTEN ${sub.name}`).catch(() => undefined);
  }

  private open(): Promise<void> {
    this.opening ??= this.connect().finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async connect(): Promise<void> {
    const c = new pg.Client({ connectionString: this.url, application_name: 'mercato-listen' });
    c.on('notification', (n) => {
      for (const ch of this.channels) if (ch.name === n.channel) ch.onPayload(n.payload ?? '');
    });
    c.on('error', (err) => this.lost(c, err));
    c.on('end', () => this.lost(c, undefined));
    const listening = new Set<string>();
    try {
      await c.connect();
      for (const ch of this.channels) {
        if (listening.has(ch.name)) continue;
        listening.add(ch.name);
        await c.query(`LISTEN ${ch.name}`);
      }
    } catch (err) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
      throw err;
    }
    this.client = c;
    this.listening = listening;
    this.failures = 0;
  }

  private lost(c: pg.Client, err: Error | undefined): void {
    if (this.client !== c) return;
    this.client = undefined;
    c.removeAllListeners('end');
    void c.end().catch(() => undefined);
    this.logger?.warn({ err, channels: [...new Set([...this.channels].map((ch) => ch.name))] }, 'listening connection lost; reopening');
    this.reopenLater();
    for (const ch of this.channels) ch.onGap();
  }

  private reopenLater(): void {
    if (this.retry || this.channels.size === 0) return;
    this.failures++;
    const delay = Math.min(5_000, 250 * 2 ** Math.min(this.failures - 1, 5));
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.channels.size === 0 || this.client) return;
      this.open().then(
        () => {
          for (const ch of this.channels) ch.onGap();
        },
        (err: unknown) => {
          this.logger?.warn({ err }, 'could not listen again; retrying');
          this.reopenLater();
        },
      );
    }, delay);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.channels.clear();
    clearTimeout(this.retry);
    this.retry = undefined;
    await this.opening?.catch(() => undefined);
    const c = this.client;
    this.client = undefined;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
    }
  }
}
