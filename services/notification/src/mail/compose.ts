import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { buildHeaderValue, foldLines, hasLongerLines, isPlainText } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { toNodemailerMessage, type OutgoingMail } from './mailer.js';

const LINE_LENGTH = 76;
// A body above this is left to nodemailer's stream encoders, which work in slices of this size.
const ONE_PIECE = 64 * 1024;
// The extra headers the channels set, in nodemailer's spelling of their names.
const EXTRA_HEADERS = new Set(['List-Unsubscribe', 'List-Unsubscribe-Post']);

// Header values are encoded by one MimeNode's public `encodeHeaderValue` (addresses parsed,
// punycoded and their names quoted or encoded; unstructured text as RFC 2047 encoded words):
// what each node of a compiled tree calls in its `buildHeaders`.
const encoder = new MimeNode(false);
// The shop's From is the same on every message: encoded once.
const encodedAddresses = new Map<string, string>();

/**
 * The message's bytes (RFC 5322, CRLF line ends) as nodemailer's MailComposer builds them — the
 * same bytes as its stream transport gives (or an SMTP transport sends), apart from the MIME
 * boundary and the Date — composed in one synchronous pass instead of a MimeNode tree streamed
 * through a pipeline per node. The header values go through nodemailer's own encoders; the
 * shape is the one the channels send: multipart/alternative, a text/plain and a text/html part
 * (utf-8; 7bit, quoted-printable or base64 as MimeNode chooses), the List-Unsubscribe headers.
 * Anything else (an empty part, other extra headers, a body over 64 KiB) is composed by
 * MailComposer itself. (A transport's one compile step left out turns `data:` images of the HTML
 * into attachments; the templates hold none.)
 */
export function composeMail(mail: OutgoingMail): Promise<Buffer> {
  const text = composeAlternative(mail);
  if (text !== undefined) return Promise.resolve(Buffer.from(text, 'utf8'));
  return new MailComposer({ ...toNodemailerMessage(mail), newline: 'windows' }).compile().build();
}

/** The message as text, or undefined when it is not of the shape written here. */
export function composeAlternative(mail: OutgoingMail, boundary = newBoundary(), date = new Date()): string | undefined {
  if (!mail.text || !mail.html || mail.text.length > ONE_PIECE / 3 || mail.html.length > ONE_PIECE / 3) return undefined;
  const out: string[] = [];
  // MailComposer sets the extra headers first, then From, To, Subject, Message-ID (the ones
  // given); MimeNode adds Date and MIME-Version and moves Content-Type last. A value that
  // encodes to blank is left out, as MimeNode leaves it.
  if (mail.headers) {
    for (const [key, value] of Object.entries(mail.headers)) {
      if (!EXTRA_HEADERS.has(key) || typeof value !== 'string') return undefined;
      header(out, key, encoder.encodeHeaderValue(key, value));
    }
  }
  if (mail.from) header(out, 'From', addresses('From', mail.from));
  if (mail.to) header(out, 'To', addresses('To', mail.to));
  if (mail.subject) header(out, 'Subject', encoder.encodeHeaderValue('Subject', mail.subject));
  if (!mail.messageIdHeader) return undefined; // MimeNode would make one up
  header(out, 'Message-ID', encoder.encodeHeaderValue('Message-ID', mail.messageIdHeader));
  header(out, 'Date', date.toUTCString().replace(/GMT/, '+0000'));
  header(out, 'MIME-Version', '1.0');
  header(out, 'Content-Type', buildHeaderValue({ value: 'multipart/alternative', params: { boundary } }));
  out.push('\r\n', '--', boundary, '\r\n');
  part(out, 'text/plain', mail.text);
  out.push('\r\n--', boundary, '\r\n');
  part(out, 'text/html', mail.html);
  out.push('\r\n--', boundary, '--\r\n');
  // MimeNode's line-end stream: every lone LF (in a 7bit body, a quoted-printable hard break) made CRLF.
  return out.join('').replace(/\r?\n/g, '\r\n');
}

function header(out: string[], key: string, value: string): void {
  if (!value.trim()) return;
  out.push(foldLines(`${key}: ${value}`, LINE_LENGTH), '\r\n');
}

function addresses(key: 'From' | 'To', value: string): string {
  const known = encodedAddresses.get(value);
  if (known !== undefined) return known;
  const encoded = encoder.encodeHeaderValue(key, value);
  if (key === 'From' && encodedAddresses.size < 16) encodedAddresses.set(value, encoded);
  return encoded;
}

/** A text part: its headers and body as MimeNode writes a string body (`getTransferEncoding`). */
function part(out: string[], type: 'text/plain' | 'text/html', content: string): void {
  const encoding = isPlainText(content) && !hasLongerLines(content, LINE_LENGTH) ? '7bit' : textEncoding(content) === 'Q' ? 'quoted-printable' : 'base64';
  out.push(`Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n`);
  out.push(encoding === '7bit' ? content : encoding === 'quoted-printable' ? quotedPrintable(content) : base64(content));
}

/** MimeNode's `_getTextEncoding`: Q when Latin letters outnumber the non-ASCII and control characters, else B. */
function textEncoding(value: string): 'Q' | 'B' {
  let nonLatin = 0;
  let latin = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x08 || c === 0x0b || c === 0x0c || (c >= 0x0e && c <= 0x1f) || c >= 0x80) nonLatin++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return nonLatin < latin ? 'Q' : 'B';
}

/**
 * nodemailer's quoted-printable Encoder on a text body written to it in one piece: the body but
 * its trailing spaces and tabs encoded and wrapped, then those (held back, as the encoder holds
 * them in case more follows) encoded and wrapped on from the last line.
 */
export function quotedPrintable(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
  let done = '';
  let line = '';
  const encode = (piece: Buffer) => {
    const wrapped = qpWrap(line + qpEncode(piece), LINE_LENGTH);
    const lf = wrapped.lastIndexOf('\n');
    done += wrapped.slice(0, lf + 1);
    line = wrapped.slice(lf + 1);
  };
  if (end > 0) encode(bytes.subarray(0, end));
  if (end < bytes.length) encode(bytes.subarray(end));
  return done + line;
}

/** nodemailer's base64 Encoder: lines of 76 characters, CRLF between them, none after the last. */
export function base64(content: string): string {
  const b64 = Buffer.from(content, 'utf8').toString('base64');
  if (b64.length <= LINE_LENGTH) return b64;
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += LINE_LENGTH) lines.push(b64.slice(i, i + LINE_LENGTH));
  return lines.join('\r\n');
}

// Random bytes for the boundaries, drawn 512 messages' worth at a time.
let pool = Buffer.alloc(0);
let poolAt = 0;
/** A boundary of MimeNode's form (`--_NmP-` 16 random hex digits `-Part_1`), which no body can contain but by chance. */
function newBoundary(): string {
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(8 * 512);
    poolAt = 0;
  }
  const hex = pool.toString('hex', poolAt, poolAt + 8);
  poolAt += 8;
  return `--_NmP-${hex}-Part_1`;
}
