import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '@mercato/chassis';
import { loadNotificationConfig } from './config.js';

describe('notification config', () => {
  it('defaults to the local mailbox and the local gateway', () => {
    const c = loadNotificationConfig({});
    assert.equal(c.publicUrl, 'http://127.0.0.1:8080');
    assert.equal(c.mailboxDir, './data/mailbox');
    assert.equal(c.smtpUrl, undefined);
    assert.equal(c.delivery.maxAttempts, 8);
  });

  it('reads SMTP, a public URL without its trailing slash, and the retry policy', () => {
    const c = loadNotificationConfig({
      SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      NOTIFICATION_PUBLIC_URL: 'https://shop.example.com/',
      NOTIFICATION_MAX_ATTEMPTS: '3',
      NOTIFICATION_RETRY_BASE_MS: '10',
    });
    assert.equal(c.smtpUrl, 'smtp://user:pass@mail.example.com:587');
    assert.equal(c.publicUrl, 'https://shop.example.com');
    assert.deepEqual([c.delivery.maxAttempts, c.delivery.retryBaseMs], [3, 10]);
  });

  it('names the bad variable', () => {
    assert.throws(() => loadNotificationConfig({ SMTP_URL: 'http://mail' }), (err: unknown) => err instanceof ConfigError && /SMTP_URL is invalid/.test(err.message));
    assert.throws(() => loadNotificationConfig({ NOTIFICATION_FROM: 'a\r\nBcc: x@y' }), /NOTIFICATION_FROM/);
  });
});
