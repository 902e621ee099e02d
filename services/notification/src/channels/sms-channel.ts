import { lazyModule } from '@mercato/chassis';
import type twilio from 'twilio';
import type { Message } from '../messages/message.js';
import { Undeliverable, type Channel, type SendResult } from './channel.js';

export interface SmsSettings {
  accountSid: string;
  authToken: string;
  /** A sender number in E.164, or a Messaging Service sid (MG…). */
  from: string;
  /** The Messages API's base URL (Twilio's own unless a test or a proxy says otherwise). */
  apiUrl: string;
  /** Where Twilio posts delivery reports: the public URL of POST /notifications/sms/status. */
  statusCallbackUrl: string;
  timeoutMs: number;
}

const TWILIO_API = 'https://api.twilio.com';

// Twilio's SDK is large (a quarter of a second to load): it is loaded when a shop's SMS channel is
// first made, not at every start of the notification service.
const twilioSdk = lazyModule<typeof twilio>(import.meta.url, 'twilio');

/** Twilio's own HTTP client, pointed at another base URL (a local fake in tests, or a proxy). */
function baseUrlRequestClient(baseUrl: string): twilio.RequestClient {
  class BaseUrlRequestClient extends twilioSdk().RequestClient {
    override request<T>(opts: Parameters<twilio.RequestClient['request']>[0]) {
      if (typeof opts.uri === 'string' && opts.uri.startsWith(TWILIO_API)) opts.uri = `${baseUrl}${opts.uri.slice(TWILIO_API.length)}`;
      return super.request<T>(opts as never);
    }
  }
  return new BaseUrlRequestClient({ timeout: 15_000, keepAlive: true });
}

// Twilio error codes that no retry will cure: invalid, unreachable or opted-out numbers.
const PERMANENT = new Set([21211, 21214, 21408, 21610, 21612, 21614, 21635]);

/** SMS through Twilio's official SDK: one Messages API call per message, with a status callback. */
export class SmsChannel implements Channel {
  readonly name = 'sms' as const;
  private readonly client: twilio.Twilio;

  constructor(private readonly settings: SmsSettings) {
    const httpClient = settings.apiUrl.replace(/\/+$/, '') === TWILIO_API ? undefined : baseUrlRequestClient(settings.apiUrl.replace(/\/+$/, ''));
    this.client = twilioSdk()(settings.accountSid, settings.authToken, { ...(httpClient ? { httpClient } : {}), timeout: settings.timeoutMs });
  }

  async send(m: Message): Promise<SendResult> {
    const body = m.payload.body ?? m.text;
    const from = this.settings.from.startsWith('MG') ? { messagingServiceSid: this.settings.from } : { from: this.settings.from };
    try {
      const sent = await this.client.messages.create({ to: m.recipient, body, statusCallback: this.settings.statusCallbackUrl, ...from });
      return { providerMessageId: sent.sid };
    } catch (err) {
      const code = (err as { code?: number }).code;
      if (typeof code === 'number' && PERMANENT.has(code)) throw new Undeliverable(`Twilio refused the number (${code}): ${(err as Error).message}`);
      throw err;
    }
  }

  /** Whether a status callback really comes from Twilio (X-Twilio-Signature over the URL and the form). */
  verifyCallback(signature: string, params: Record<string, string>): boolean {
    return twilioSdk().validateRequest(this.settings.authToken, signature, this.settings.statusCallbackUrl, params);
  }

  async close(): Promise<void> {}
}
