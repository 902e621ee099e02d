import { closeSync, fstatSync, mkdirSync, open, renameSync, statSync, writeSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { composeMail } from './compose.js';
import type { Mailer, OutgoingMail, SendResult } from './mailer.js';

export { composeMail };

export interface MailboxEntry {
  id: string;
  file: string;
  to: string;
  subject: string;
  date: string;
}

export const MAILBOX_INDEX = 'index.json';
// The index lists the latest messages; older .eml files stay on disk.
const INDEX_LIMIT = 500;
/** How long a sent message may wait to be listed in the index: the updates of that window go in one rewrite. */
export const INDEX_DELAY_MS = 250;

/**
 * The embedded default: each message becomes `<id>.eml` (RFC 5322, multipart/alternative with a
 * text and an HTML part) in a folder, listed newest first in `index.json`. Nothing leaves the
 * machine. A re-send of one message overwrites its own file.
 *
 * A message is written when `send` resolves: a temp file renamed into place, so a reader sees
 * the whole file or none (`replaceFile`). The index lists it within `indexDelayMs` (250 ms by default): the messages sent in that
 * window go in one rewrite of the index; `flush()` and `close()` write what is waiting at once.
 */
export class MailboxMailer implements Mailer {
  readonly kind = 'mailbox' as const;
  readonly dir: string;
  private readonly indexDelayMs: number;
  // Sent and not yet in the index file, oldest first.
  private waiting: MailboxEntry[] = [];
  private timer: NodeJS.Timeout | undefined = undefined;
  // Index updates run one at a time (read, change, write to a temp file, rename).
  private indexQueue: Promise<void> = Promise.resolve();
  // The folder is made once (and again if it was removed meanwhile), not at every message.
  private folderMade = false;
  // The index as this process last wrote it, and that file's identity: while the file is still
  // that one (nobody else wrote or removed it), the next update starts from here instead of
  // reading and parsing the whole index again.
  private written: { entries: MailboxEntry[]; file: string } | undefined = undefined;

  constructor(dir: string, opts: { indexDelayMs?: number } = {}) {
    this.dir = resolve(dir);
    this.indexDelayMs = opts.indexDelayMs ?? INDEX_DELAY_MS;
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const message = await composeMail(mail);
    const file = `${mail.id}.eml`;
    const tmp = join(this.dir, `.${file}.tmp`);
    this.ensureFolder();
    try {
      await replaceFile(tmp, join(this.dir, file), message);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      this.folderMade = false; // removed since: made again
      this.ensureFolder();
      await replaceFile(tmp, join(this.dir, file), message);
    }
    this.waiting.push({ id: mail.id, file, to: mail.to, subject: mail.subject, date: new Date().toISOString() });
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      // A failed update keeps its entries for the next one (the next message's, or close()).
      this.flush().catch(() => undefined);
    }, this.indexDelayMs).unref();
    return { providerMessageId: file };
  }

  private ensureFolder(): void {
    if (this.folderMade) return;
    // The messages hold live reset and verification links: readable by this user only.
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.folderMade = true;
  }

  /** Lists every message sent so far in the index now; rejects when that update failed (its entries wait for the next). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const update = this.indexQueue.then(() => this.updateIndex());
    this.indexQueue = update.catch(() => undefined);
    return update;
  }

  private async updateIndex(): Promise<void> {
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    try {
      const path = join(this.dir, MAILBOX_INDEX);
      const added = new Set(batch.map((e) => e.id));
      const known = this.written;
      this.written = undefined;
      const current = known ? statOf(path) : undefined;
      const before = (known && current && identity(current) === known.file ? known.entries : await readIndex(path)).filter((e) => !added.has(e.id));
      // Newest first; a message sent twice in the window is listed once, at its last send.
      const fresh: MailboxEntry[] = [];
      const seen = new Set<string>();
      for (let i = batch.length - 1; i >= 0; i--) {
        const e = batch[i]!;
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        fresh.push(e);
      }
      const entries = fresh.concat(before);
      const kept = entries.slice(0, INDEX_LIMIT);
      const made = await replaceFile(`${path}.tmp`, path, indexText(kept));
      this.written = { entries: kept, file: identity(made) };
    } catch (err) {
      this.waiting = batch.concat(this.waiting);
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

const openFile = promisify(open);

/**
 * Writes `data` to `path` by way of `tmp` renamed into place (a reader sees the old file or the
 * whole new one), mode 0600; answers the file's stat. The open, which makes an inode and can wait
 * on the disk, runs on the thread pool; the write of a few kB (to the page cache), the close and
 * the rename run at once: one thread-pool round trip per file instead of four.
 */
async function replaceFile(tmp: string, path: string, data: Buffer | string): Promise<Stats> {
  const fd = await openFile(tmp, 'w', 0o600);
  let stats: Stats;
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    stats = fstatSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return stats;
}

// Each entry's text in the index, made once: an update writes 500 entries, of which few are new.
const entryTexts = new WeakMap<MailboxEntry, string>();

/** The index file's text: the same as `JSON.stringify(entries, null, 2)`, from each entry's text. */
function indexText(entries: readonly MailboxEntry[]): string {
  if (entries.length === 0) return '[]\n';
  const parts = entries.map((e) => {
    let text = entryTexts.get(e);
    if (text === undefined) {
      text = `  ${JSON.stringify(e, null, 2).replace(/\n/g, '\n  ')}`;
      entryTexts.set(e, text);
    }
    return text;
  });
  return `[\n${parts.join(',\n')}\n]\n`;
}

/** A file's identity: another writer's replace (a new inode) or change (size, time) shows. */
const identity = (s: Stats) => `${s.ino}:${s.size}:${s.mtimeMs}`;

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export async function readIndex(path: string): Promise<MailboxEntry[]> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return Array.isArray(parsed) ? (parsed as MailboxEntry[]) : [];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || err instanceof SyntaxError) return [];
    throw err;
  }
}
