import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { composeAlternative, composeMail } from './compose.js';
import { toNodemailerMessage, type OutgoingMail } from './mailer.js';

// A deterministic generator (mulberry32), so a failing case can be found again by its seed.
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const int = (n: number) => Math.floor(next() * n);
  return { next, pick, int };
}

const WORDS = ['order', 'Your', 'confirmed', 'thank', 'you', '#1042', 'T-shirt', '19,99', 'x'.repeat(90), 'a=b', '=?utf-8?q?x?=', '?', '_', 'semi;colon', 'co:lon', '(paren)', '"quoted"', 'back\\slash', '<angle>', 'at@sign'];
const UNICODE = ['Zoë', 'Müller', '—', '✓', '€', '📦', 'Привет', 'заказ', '注文確認', 'e\u0301', 'ß', '“Classic”', '\u00a0'];
const SPACES = [' ', ' ', ' ', '  ', '\t', ' \t '];

function phrase(r: ReturnType<typeof random>, length: number, unicode: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += (i ? r.pick(SPACES) : '') + (r.next() < unicode ? r.pick(UNICODE) : r.pick(WORDS));
  return s;
}

function body(r: ReturnType<typeof random>, html: boolean): string {
  const unicode = r.pick([0, 0.05, 0.3, 0.9]);
  const lines: string[] = [];
  for (let i = 0, n = 1 + r.int(12); i < n; i++) {
    const line = phrase(r, r.pick([0, 1, 3, 12, 30]), unicode);
    lines.push(html ? `<p>${line}</p>` : line);
  }
  let text = lines.join(r.pick(['\n', '\n', '\r\n']));
  if (r.next() < 0.3) text += r.pick(['\n', ' ', '  ', '\t', ' \n', '=', '\r']);
  return text || 'x';
}

function address(r: ReturnType<typeof random>): string {
  const addr = r.pick(['buyer@example.com', 'Buyer.Name+tag@Example.COM', 'zoe@jõgeva.ee', 'a_b-c@sub.example.org']);
  switch (r.int(5)) {
    case 0:
      return addr;
    case 1:
      return `${phrase(r, 1 + r.int(3), 0.5)} <${addr}>`;
    case 2:
      return `"Last, First" <${addr}>`;
    case 3:
      return `Mercato Shop <${addr}>`;
    default:
      return `${r.pick(UNICODE)} ${r.pick(UNICODE)} <${addr}>`;
  }
}

function mail(seed: number): OutgoingMail {
  const r = random(seed);
  const id = `msg_${String(seed).padStart(26, '0')}`;
  return {
    id,
    messageIdHeader: `<${id}@shop.example>`,
    from: r.pick(['shop@example.com', 'Mercato Shop <shop@example.com>', 'Mercato Café <shop@example.com>']),
    to: address(r),
    subject: phrase(r, 1 + r.int(r.pick([4, 20])), r.pick([0, 0.2, 0.8])),
    text: body(r, false),
    html: body(r, true),
    ...(r.next() < 0.5 ? { headers: { 'List-Unsubscribe': `<https://shop.example/unsubscribe?t=${'a'.repeat(r.int(80))}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
  };
}

describe('composing a message', () => {
  it('gives, for a wide range of subjects, names, bodies and long lines, exactly the bytes of a nodemailer stream transport', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const date = new Date('2026-03-01T12:34:56Z');
    const encodings = new Set<string>();
    try {
      for (let seed = 1; seed <= 400; seed++) {
        const m = mail(seed);
        const base = `${seed.toString(16).padStart(16, '0')}`;
        const expected = ((await transport.sendMail({ ...toNodemailerMessage(m), baseBoundary: base, date })).message as Buffer).toString('utf8');
        const actual = composeAlternative(m, `--_NmP-${base}-Part_1`, date);
        assert.equal(actual, expected, `seed ${seed}: ${JSON.stringify(m)}`);
        for (const e of expected.matchAll(/Content-Transfer-Encoding: (\S+)/g)) encodings.add(e[1]!);
        if (/=\?UTF-8\?B\?/.test(expected)) encodings.add('B words');
        if (/=\?UTF-8\?Q\?/.test(expected)) encodings.add('Q words');
      }
    } finally {
      transport.close();
    }
    // The cases cover every transfer encoding and both kinds of encoded words.
    assert.deepEqual([...encodings].sort(), ['7bit', 'B words', 'Q words', 'base64', 'quoted-printable']);
  });

  it('leaves a message of another shape (an empty part, another header) to MailComposer, with the same result', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const shape = (b: Buffer) => b.toString('utf8').replace(/_NmP-[0-9a-f]+-Part_/g, 'B_').replace(/^Date: .*$/m, 'Date: -');
    try {
      for (const m of [
        { ...mail(1), html: '' },
        { ...mail(2), text: '' },
        { ...mail(3), headers: { 'X-Campaign': 'spring' } },
        { ...mail(4), text: 'é'.repeat(40_000) },
      ]) {
        assert.equal(composeAlternative(m), undefined);
        const expected = (await transport.sendMail(toNodemailerMessage(m))).message as Buffer;
        assert.equal(shape(await composeMail(m)), shape(expected));
      }
    } finally {
      transport.close();
    }
  });

  it('gives every message a boundary of its own', async () => {
    const boundaries = new Set<string>();
    for (let i = 0; i < 600; i++) boundaries.add(/boundary="([^"]+)"/.exec((await composeMail(mail(1))).toString())![1]!);
    assert.equal(boundaries.size, 600);
  });
});
