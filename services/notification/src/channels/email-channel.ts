import type { Mailer } from '../mail/mailer.js';
import { messageIdHeader, type Message } from '../messages/message.js';
import type { Channel, SendResult } from './channel.js';

/**
 * Email through the configured mailer. A non-transactional email carries RFC 8058 one-click
 * unsubscribe: `List-Unsubscribe` with its signed link and `List-Unsubscribe-Post`, so a mail
 * client's "unsubscribe" button works without a sign-in.
 */
export class EmailChannel implements Channel {
  readonly name = 'email' as const;
  constructor(
    readonly mailer: Mailer,
    private readonly from: string,
  ) {}

  send(m: Message): Promise<SendResult> {
    const unsubscribe = m.payload.unsubscribeUrl;
    return this.mailer.send({
      id: m.id,
      messageIdHeader: messageIdHeader(m.id, this.from),
      from: this.from,
      to: m.recipient,
      subject: m.subject,
      html: m.html,
      text: m.text,
      ...(unsubscribe ? { headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
    });
  }

  close(): Promise<void> {
    return this.mailer.close();
  }
}
