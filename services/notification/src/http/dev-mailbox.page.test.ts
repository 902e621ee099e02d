import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from '../messages/message.js';
import { renderMailboxPage } from './dev-mailbox.page.js';

const message = (over: Partial<Message>): Message => ({
  id: 'msg_01J0000000000000000000000A',
  eventId: 'evt_1',
  channel: 'email',
  category: 'account',
  userId: null,
  orderId: null,
  locale: null,
  payload: {},
  resentFrom: null,
  kind: 'welcome',
  recipient: 'ann@example.com',
  subject: 'Welcome',
  html: '<p>hi</p>',
  text: 'hi',
  status: 'sent',
  attempts: 1,
  nextAttemptAt: new Date(0),
  lastError: null,
  createdAt: new Date('2026-01-02T03:04:05Z'),
  sentAt: new Date('2026-01-02T03:04:06Z'),
  providerMessageId: null,
  ...over,
});

describe('renderMailboxPage', () => {
  it('lists subject, recipient, status and time, each escaped, linking to the message', () => {
    const html = renderMailboxPage(
      [message({ subject: '<img src=x onerror=alert(1)>', status: 'failed', attempts: 3, lastError: 'Error: 550 <no>' })],
      '/notifications/dev/mailbox',
    );
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('ann@example.com'));
    assert.ok(html.includes('failed (3 attempts)'));
    assert.ok(html.includes('Error: 550 &lt;no&gt;'));
    assert.ok(html.includes('2026-01-02T03:04:05.000Z'));
    assert.ok(html.includes('href="/notifications/dev/mailbox/msg_01J0000000000000000000000A"'));
  });

  it('carries the mailbox token on its links when opened with one', () => {
    const html = renderMailboxPage([message({})], '/m', 'a b&c');
    assert.ok(html.includes('href="/m/msg_01J0000000000000000000000A?token=a%20b%26c"'));
  });

  it('says so when there is nothing yet', () => {
    assert.ok(renderMailboxPage([], '/x').includes('No messages yet.'));
  });
});
