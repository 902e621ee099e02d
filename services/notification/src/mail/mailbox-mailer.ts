import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
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
  // Composes the message exactly as an SMTP transport would, without sending it anywhere.
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  // Index updates in this process run one at a time (read, change, write to a temp file,
  // rename); entries that arrive meanwhile wait and go in together with the next update.
  private indexQueue: Promise<unknown> = Promise.resolve();
  private waiting: Array<{ entry: MailboxEntry; done: () => void; failed: (err: unknown) => void }> = [];
  // The folder is made once (and again if it was removed meanwhile), not at every message.
  private folder: Promise<unknown> | undefined = undefined;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const info = await this.composer.sendMail(toNodemailerMessage(mail));
    const file = `${mail.id}.eml`;
    const tmp = join(this.dir, `.${file}.tmp`);
    await this.ensureFolder();
    try {
      await writeFile(tmp, info.message as Buffer, { mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      this.folder = undefined; // removed since: made again
      await this.ensureFolder();
      await writeFile(tmp, info.message as Buffer, { mode: 0o600 });
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
          const entries = (await readIndex(path)).filter((e) => !added.has(e.id));
          entries.unshift(...batch.map((b) => b.entry).reverse());
          const tmp = `${path}.tmp`;
          await writeFile(tmp, `${JSON.stringify(entries.slice(0, INDEX_LIMIT), null, 2)}\n`, { mode: 0o600 });
          await rename(tmp, path);
          for (const b of batch) b.done();
        } catch (err) {
          for (const b of batch) b.failed(err);
        }
      });
    });
  }

  async close(): Promise<void> {
    await this.indexQueue;
    this.composer.close();
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
