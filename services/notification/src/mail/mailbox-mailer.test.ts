import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAILBOX_INDEX, MailboxMailer, readIndex } from './mailbox-mailer.js';

const mail = (i: number) => ({
  id: `msg_${String(i).padStart(26, '0')}`,
  messageIdHeader: `<m${i}@shop.example>`,
  from: 'shop@example.com',
  to: `buyer${i}@example.com`,
  subject: `Order ${i}`,
  html: `<p>Order ${i}</p>`,
  text: `Order ${i}`,
});

describe('the mailbox mailer', () => {
  it('indexes every one of many concurrent sends, newest first, each in its own file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mercato-mailbox-'));
    const mailer = new MailboxMailer(dir);
    try {
      for (let i = 0; i < 3; i++) await mailer.send(mail(i));
      await Promise.all(Array.from({ length: 40 }, (_, i) => mailer.send(mail(3 + i))));
      await mailer.send(mail(0)); // a re-send moves to the top, once
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
      await rm(dir, { recursive: true, force: true });
      await mailer.send(mail(2));
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
      const text = await readFile(path, 'utf8');
      assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      // Someone else rewrites the index (e.g. clears it but for one entry of their own).
      const other = { id: 'msg_other', file: 'msg_other.eml', to: 'x@example.com', subject: 'Other', date: new Date(0).toISOString() };
      await writeFile(path, JSON.stringify([other]));
      await mailer.send(mail(3));
      assert.deepEqual((await readIndex(path)).map((e) => e.subject), ['Order 3', 'Other']);
      await rm(path);
      await mailer.send(mail(4));
      assert.deepEqual((await readIndex(path)).map((e) => e.subject), ['Order 4']);
    } finally {
      await mailer.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
