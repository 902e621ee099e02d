import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from './escape.js';
import { formatTime, passwordResetLink, renderEmailVerification, renderPasswordReset, renderWelcome, verificationLink } from './templates.js';

const HOSTILE = `<script>alert("x")</script> & 'o'`;

describe('escapeHtml', () => {
  it('escapes every character that can break out of text or an attribute', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    assert.equal(escapeHtml('plain text'), 'plain text');
  });
});

describe('links', () => {
  it('URL-encodes the token and trims a trailing slash of the base', () => {
    assert.equal(verificationLink('https://shop.example.com/', 'a b&c=d/+'), 'https://shop.example.com/account/verify?token=a%20b%26c%3Dd%2F%2B');
    assert.equal(passwordResetLink('http://127.0.0.1:8080', 'tok_0123456789abcdef'), 'http://127.0.0.1:8080/account/reset?token=tok_0123456789abcdef');
  });
});

describe('templates', () => {
  const expiresAt = '2026-03-04T05:06:07.000Z';

  it('welcome: names the user in subject and body, escapes the name in HTML only', () => {
    const m = renderWelcome({ name: HOSTILE, shopUrl: 'http://127.0.0.1:8080' });
    assert.equal(m.subject, `Welcome to mercato, ${HOSTILE}`);
    assert.ok(!m.html.includes('<script>'), 'no raw markup from the name');
    assert.ok(m.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;o&#39;'));
    assert.ok(m.text.includes(`Welcome, ${HOSTILE}!`), 'the text part is not HTML-escaped');
    assert.ok(m.html.includes('href="http://127.0.0.1:8080"'));
  });

  it('keeps a subject on one line whatever the name holds', () => {
    assert.equal(renderWelcome({ name: 'Ann\r\nBcc: x@example.com', shopUrl: 'http://s' }).subject, 'Welcome to mercato, Ann Bcc: x@example.com');
  });

  it('verification: the link in both parts, escaped in the HTML attribute', () => {
    const link = verificationLink('https://shop.example.com', 'tok"en<&>');
    const m = renderEmailVerification({ name: 'Ann', link, expiresAt });
    assert.equal(m.subject, 'Confirm your email address');
    assert.ok(m.text.includes(link));
    assert.ok(m.html.includes(`href="${escapeHtml(link)}"`));
    assert.ok(!m.html.includes('tok"en'), 'the token never appears unencoded');
    assert.ok(m.text.includes('2026-03-04 05:06 UTC'));
    assert.ok(m.html.includes('Hello Ann,'));
  });

  it('password reset: the link, the expiry, escaping of the name', () => {
    const link = passwordResetLink('https://shop.example.com', 'secret-token-0123456789');
    const m = renderPasswordReset({ name: '<b>Bob</b>', link, expiresAt });
    assert.equal(m.subject, 'Reset your password');
    assert.ok(m.html.includes('https://shop.example.com/account/reset?token=secret-token-0123456789'));
    assert.ok(m.text.includes(link));
    assert.ok(m.html.includes('&lt;b&gt;Bob&lt;/b&gt;'));
    assert.ok(!m.html.includes('<b>Bob'));
  });

  it('formats times in UTC and leaves an unparsable value as it is', () => {
    assert.equal(formatTime('2026-12-31T23:59:59Z'), '2026-12-31 23:59 UTC');
    assert.equal(formatTime('soon'), 'soon');
  });
});
