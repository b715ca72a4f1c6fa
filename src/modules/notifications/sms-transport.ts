// Where rendered SMS go: Twilio's Messages REST API, or the dev SMS outbox table when no provider is configured.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { devSms } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';

export interface OutgoingSms {
  outboxId: string;
  /** E.164. */
  to: string;
  body: string;
}

/** What the provider said when it took the message. */
export interface SmsReceipt {
  providerMessageId: string | null;
}

/**
 * A refusal that no retry will change (Twilio's 4xx answers such as 21211, an invalid To number): the
 * outbox row is marked failed at once with the provider's code. Any other error is retried.
 */
export class PermanentSmsFailure extends Error {
  override name = 'PermanentSmsFailure';
  constructor(
    message: string,
    readonly providerCode: string | null,
  ) {
    super(message);
  }
}

export interface SmsTransport {
  kind: 'twilio' | 'dev-sms';
  /** Hands one SMS over; throws to be retried, or throws `PermanentSmsFailure` to give up. */
  send(sms: OutgoingSms, tx: DbOrTx, now: Temporal.Instant): Promise<SmsReceipt>;
}

/** Twilio credentials and sender, from `TWILIO_*` (validated in `config.ts`). */
export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** Exactly one of `from` (a number or sender ID) and `messagingServiceSid` is set. */
  from: string | undefined;
  messagingServiceSid: string | undefined;
  /** `https://api.twilio.com`, or a local double in tests. */
  apiBase: string;
}

/** Twilio's error answer: `{ code, message, more_info, status }`. */
interface TwilioError {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/** Sends through Twilio's Messages resource: POST /2010-04-01/Accounts/{AccountSid}/Messages.json. */
export function twilioSmsTransport(config: TwilioConfig): SmsTransport {
  const url = `${config.apiBase.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    kind: 'twilio',
    async send(sms) {
      const form = new URLSearchParams({ To: sms.to, Body: sms.body });
      if (config.messagingServiceSid) form.set('MessagingServiceSid', config.messagingServiceSid);
      else if (config.from) form.set('From', config.from);
      // A network error throws here and is retried like a 5xx.
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(30_000),
      });
      const json = await readJson(res);
      if (res.status === 201 || res.status === 200) {
        const sid = json && typeof json === 'object' && 'sid' in json ? String(json.sid) : null;
        return { providerMessageId: sid };
      }
      const error = (json && typeof json === 'object' ? json : {}) as TwilioError;
      const code = error.code === undefined ? null : String(error.code);
      // Twilio's message text can quote the number but never the body, so it is safe to keep and log.
      const summary = `Twilio answered ${res.status}${code ? ` (code ${code})` : ''}: ${error.message ?? res.statusText}`;
      if (res.status === 408 || res.status === 429 || res.status >= 500) throw new Error(summary);
      throw new PermanentSmsFailure(summary, code);
    },
  };
}

/** Keeps SMS in the database for the admin console; delivering twice keeps one. */
export function devSmsTransport(): SmsTransport {
  return {
    kind: 'dev-sms',
    async send(sms, tx, now) {
      await tx
        .insert(devSms)
        .values({
          id: newId('sms'),
          outboxId: sms.outboxId,
          to: sms.to,
          body: sms.body,
          deliveredAt: toDate(now),
        })
        .onConflictDoNothing({ target: devSms.outboxId });
      return { providerMessageId: null };
    },
  };
}

/** The transport the configuration asks for. */
export function smsTransportFor(twilio: TwilioConfig | undefined): SmsTransport {
  return twilio ? twilioSmsTransport(twilio) : devSmsTransport();
}
