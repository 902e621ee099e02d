import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { composeMail, MAILBOX_INDEX, MailboxMailer, readIndex } from './mailbox-mailer.js';
import { toNodemailerMessage, type OutgoingMail } from './mailer.js';

const mail = (i: number) => ({
  id: `msg_${String(i).padStart(26, '0')}`,
  messageIdHeader: `<m${i}@shop.example>`,
  from: 'shop@example.com',
  to: `buyer${i}@example.com`,
  subject: `Order ${i}`,
  html: `<p>Order ${i}</p>`,
  text: `Order ${i}`,
});

/** A message's header lines and each part's, with the boundaries (random per message) and the Date (the second it was made) taken out. */
function shape(message: Buffer): string[] {
  return message
    .toString('utf8')
    .replace(/_NmP-[0-9a-f]+-Part_/g, 'BOUNDARY_')
    .replace(/^Date: .*$/m, 'Date: (date)')
    .split('\r\n');
}

describe('the mailbox mailer', () => {
  it('writes the message a nodemailer transport composes: the same headers and parts, byte for byte but the boundaries and the date', async () => {
    const sample: OutgoingMail = {
      id: 'msg_00000000000000000000000042',
      messageIdHeader: '<msg_00000000000000000000000042@shop.example>',
      from: 'Mercato Shop <shop@example.com>',
      to: 'Zoë Müller <zoe@example.com>',
      subject: 'Your order #1042 is confirmed — thank you ✓',
      text: `Hi Zoë,\n\nYour order is confirmed.\n${'A long line of the order summary that goes on past the quoted-printable limit, '.repeat(3)}\nTotal: 19,99 €\n`,
      html: `<!doctype html><html><body><p>Hi Zoë,</p>\n<p>Your order is confirmed.</p>\n<table>${'<tr><td>T-shirt “Classic”</td><td>19,99 €</td></tr>\n'.repeat(20)}</table></body></html>`,
      headers: { 'List-Unsubscribe': '<https://shop.example/unsubscribe?t=abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    try {
      const before = (await transport.sendMail(toNodemailerMessage(sample))).message as Buffer;
      const now = await composeMail(sample);
      assert.deepEqual(shape(now), shape(before));
      assert.ok(!/[^\r]\n/.test(now.toString('utf8')), 'every line ends in CRLF');
      const text = now.toString('utf8');
      for (const header of ['Message-ID: <msg_00000000000000000000000042@shop.example>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative;']) {
        assert.ok(text.includes(header), header);
      }
      assert.match(text, /Content-Type: text\/plain; charset=utf-8/);
      assert.match(text, /Content-Type: text\/html; charset=utf-8/);

      // And the file the mailbox writes is that message.
      const dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
      const mailer = new MailboxMailer(dir);
      try {
        await mailer.send(sample);
        assert.deepEqual(shape(await readFile(join(dir, `${sample.id}.eml`))), shape(before));
      } finally {
        await mailer.close();
        await rm(dir, { recursive: true, force: true });
      }
    } finally {
      transport.close();
    }
  });

  it('indexes every one of many concurrent sends, newest first, each in its own file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    const mailer = new MailboxMailer(dir);
    try {
      for (let i = 0; i < 3; i++) await mailer.send(mail(i));
      await Promise.all(Array.from({ length: 40 }, (_, i) => mailer.send(mail(3 + i))));
      await mailer.send(mail(0)); // a re-send moves to the top, once
      await mailer.flush();
      const index = await readIndex(join(dir, MAILBOX_INDEX));
      assert.equal(index.length, 43);
      assert.equal(new Set(index.map((e) => e.id)).size, 43);
      assert.equal(index[0]!.id, mail(0).id);
      // The three sent one by one first are the oldest, in order.
      assert.deepEqual(
        index.slice(-2).map((e) => e.subject),
        ['Order 2', 'Order 1'],
      );
      assert.match(await readFile(join(dir, `${mail(17).id}.eml`), 'utf8'), /Subject: Order 17/);
    } finally {
      await mailer.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('makes its folder again when it was removed between two messages', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'mercato-mailbox-')), 'inbox');
    const mailer = new MailboxMailer(dir);
    try {
      await mailer.send(mail(1));
      await mailer.flush();
      await rm(dir, { recursive: true, force: true });
      await mailer.send(mail(2));
      await mailer.flush();
      assert.deepEqual((await readIndex(join(dir, MAILBOX_INDEX))).map((e) => e.subject), ['Order 2']);
      assert.match(await readFile(join(dir, `${mail(2).id}.eml`), 'utf8'), /Subject: Order 2/);
    } finally {
      await mailer.close();
      await rm(join(dir, '..'), { recursive: true, force: true });
    }
  });
  it('writes the index as indented JSON, and starts again from the file when another writer changed it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    const mailer = new MailboxMailer(dir);
    const path = join(dir, MAILBOX_INDEX);
    try {
      await mailer.send(mail(1));
      await mailer.send(mail(2));
      await mailer.flush();
      const text = await readFile(path, 'utf8');
      assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      // Someone else rewrites the index (e.g. clears it but for one entry of their own).
      const other = { id: 'msg_other', file: 'msg_other.eml', to: 'x@example.com', subject: 'Other', date: new Date(0).toISOString() };
      await writeFile(path, JSON.stringify([other]));
      await mailer.send(mail(3));
      await mailer.flush();
      assert.deepEqual((await readIndex(path)).map((e) => e.subject), ['Order 3', 'Other']);
      await rm(path);
      await mailer.send(mail(4));
      await mailer.flush();
      assert.deepEqual((await readIndex(path)).map((e) => e.subject), ['Order 4']);
    } finally {
      await mailer.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lists a message in the index within its delay, the messages of that window in one rewrite, and close() lists what waits', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    const path = join(dir, MAILBOX_INDEX);
    const mailer = new MailboxMailer(dir, { indexDelayMs: 100 });
    try {
      await mailer.send(mail(1));
      // The file is there when send resolves; the index follows.
      assert.match(await readFile(join(dir, `${mail(1).id}.eml`), 'utf8'), /Subject: Order 1/);
      assert.deepEqual(await readIndex(path), []);
      await mailer.send(mail(2));
      await mailer.send(mail(1)); // sent again in the window: listed once, as the newest
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(await readIndex(path), []);
      await new Promise((r) => setTimeout(r, 150));
      const first = await stat(path);
      assert.deepEqual((await readIndex(path)).map((e) => e.subject), ['Order 1', 'Order 2']);
      await mailer.send(mail(3));
      await mailer.close();
      assert.deepEqual((await readIndex(path)).map((e) => e.subject), ['Order 3', 'Order 1', 'Order 2']);
      assert.notEqual((await stat(path)).ino, first.ino, 'rewritten by close()');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps the entries of an index update that failed for the next one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    const path = join(dir, MAILBOX_INDEX);
    const mailer = new MailboxMailer(dir, { indexDelayMs: 10_000 });
    try {
      await mailer.send(mail(1));
      await mkdir(`${path}.tmp`); // the index's temp file cannot be written
      await assert.rejects(mailer.flush(), /EISDIR/);
      assert.deepEqual(await readIndex(path), []);
      await mailer.send(mail(2));
      await rm(`${path}.tmp`, { recursive: true });
      await mailer.flush();
      assert.deepEqual((await readIndex(path)).map((e) => e.subject), ['Order 2', 'Order 1']);
    } finally {
      await mailer.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
