import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { toNodemailerMessage, type Mailer, type OutgoingMail, type SendResult } from './mailer.js';

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

/**
 * The embedded default: each message becomes `<id>.eml` (RFC 5322, multipart/alternative with a
 * text and an HTML part) in a folder, listed newest first in `index.json`. Nothing leaves the
 * machine. A re-send of one message overwrites its own file.
 */
export class MailboxMailer implements Mailer {
  readonly kind = 'mailbox' as const;
  readonly dir: string;
  // Index updates in this process run one at a time (read, change, write to a temp file,
  // rename); entries that arrive meanwhile wait and go in together with the next update.
  private indexQueue: Promise<unknown> = Promise.resolve();
  private waiting: Array<{ entry: MailboxEntry; done: () => void; failed: (err: unknown) => void }> = [];
  // The folder is made once (and again if it was removed meanwhile), not at every message.
  private folder: Promise<unknown> | undefined = undefined;
  // The index as this process last wrote it, and that file's identity: while the file is still
  // that one (nobody else wrote or removed it), the next update starts from here instead of
  // reading and parsing the whole index again.
  private written: { entries: MailboxEntry[]; file: string } | undefined = undefined;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const message = await composeMail(mail);
    const file = `${mail.id}.eml`;
    const tmp = join(this.dir, `.${file}.tmp`);
    await this.ensureFolder();
    try {
      await writeFile(tmp, message, { mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      this.folder = undefined; // removed since: made again
      await this.ensureFolder();
      await writeFile(tmp, message, { mode: 0o600 });
    }
    await rename(tmp, join(this.dir, file));
    const entry: MailboxEntry = { id: mail.id, file, to: mail.to, subject: mail.subject, date: new Date().toISOString() };
    await this.addToIndex(entry);
    return { providerMessageId: file };
  }

  private ensureFolder(): Promise<unknown> {
    // The messages hold live reset and verification links: readable by this user only.
    this.folder ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).catch((err: unknown) => {
      this.folder = undefined;
      throw err;
    });
    return this.folder;
  }

  private addToIndex(entry: MailboxEntry): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.waiting.push({ entry, done, failed });
      if (this.waiting.length > 1) return; // an update is already queued and will take this one
      this.indexQueue = this.indexQueue.then(async () => {
        const batch = this.waiting;
        this.waiting = [];
        try {
          const path = join(this.dir, MAILBOX_INDEX);
          const added = new Set(batch.map((b) => b.entry.id));
          const known = this.written;
          this.written = undefined;
          const current = known ? await statOf(path) : undefined;
          const entries = (known && current && identity(current) === known.file ? known.entries : await readIndex(path)).filter((e) => !added.has(e.id));
          entries.unshift(...batch.map((b) => b.entry).reverse());
          const kept = entries.slice(0, INDEX_LIMIT);
          const tmp = `${path}.tmp`;
          await writeFile(tmp, indexText(kept), { mode: 0o600 });
          const made = await stat(tmp);
          await rename(tmp, path);
          this.written = { entries: kept, file: identity(made) };
          for (const b of batch) b.done();
        } catch (err) {
          for (const b of batch) b.failed(err);
        }
      });
    });
  }

  async close(): Promise<void> {
    await this.indexQueue;
  }
}

/**
 * The message's bytes (RFC 5322, CRLF line ends), composed by nodemailer's MailComposer: the
 * same bytes as its stream transport gives (or an SMTP transport sends), apart from the MIME
 * boundaries and the Date, without a transport's per-message work (its plugins, logger and
 * envelope, a stream piped through a line-end converter). The transport's one compile step left
 * out turns `data:` images of the HTML into attachments; the templates hold none.
 */
export function composeMail(mail: OutgoingMail): Promise<Buffer> {
  return new MailComposer({ ...toNodemailerMessage(mail), newline: 'windows' }).compile().build();
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

async function statOf(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
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
