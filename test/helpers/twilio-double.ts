// A local stand-in for Twilio's Messages REST API, written from Twilio's documentation, not from our adapter.
//
// What the documentation specifies, and this double checks on every request:
//   POST /2010-04-01/Accounts/{AccountSid}/Messages.json
//   HTTP Basic authentication with the Account SID as user name and the Auth Token as password
//   Content-Type: application/x-www-form-urlencoded, with the parameters To (E.164), Body, and exactly one
//   of From and MessagingServiceSid (parameter names are case-sensitive, in Twilio's PascalCase)
// and how Twilio answers: 201 with the Message resource as JSON (`sid` "SM…", `status` "queued"), errors
// as JSON `{ code, message, more_info, status }` — 401/20003 for bad credentials, 400/21211 for an invalid
// To number (Twilio's magic test number +15005550001 gets it here too), 429/20429, 500.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TWILIO_TEST_ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TWILIO_TEST_AUTH_TOKEN = 'f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8';
/** Twilio's magic test number for "invalid To": the double answers 21211 for it. */
export const TWILIO_INVALID_TO = '+15005550001';

/** One request as the double saw it: raw parts, and the form decoded by the double itself. */
export interface TwilioRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  rawBody: string;
  form: Record<string, string>;
  /** What was wrong with the request by the documentation; empty for a request Twilio would take. */
  violations: string[];
  answeredStatus: number;
}

/** A parameter name the Messages create endpoint documents (a subset: the ones a sender might use). */
const documentedParameters = new Set([
  'To',
  'From',
  'MessagingServiceSid',
  'Body',
  'StatusCallback',
  'ApplicationSid',
  'MaxPrice',
  'ProvideFeedback',
  'Attempt',
  'ValidityPeriod',
  'ForceDelivery',
  'ContentRetention',
  'AddressRetention',
  'SmartEncoded',
  'PersistentAction',
  'ShortenUrls',
  'ScheduleType',
  'SendAt',
  'SendAsMms',
  'ContentSid',
  'ContentVariables',
  'MediaUrl',
  'RiskCheck',
]);

export interface TwilioDouble {
  /** The base URL to put in TWILIO_API_BASE. */
  url: string;
  requests: TwilioRequest[];
  /** Answers the next `count` well-formed requests with this HTTP status (500, 503, 429) before accepting. */
  failNext(status: number, count?: number): void;
  /** Waits until `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<TwilioRequest[]>;
  close(): Promise<void>;
}

function decodeForm(raw: string): Record<string, string> {
  // Decoded by hand (not URLSearchParams) so the double does not share a parser with the adapter.
  const out: Record<string, string> = {};
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, ' '));
    const value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
    out[name] = value;
  }
  return out;
}

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
}

/** Starts the double on a free local port for one account. */
export async function startTwilioDouble(
  account: { accountSid: string; authToken: string } = {
    accountSid: TWILIO_TEST_ACCOUNT_SID,
    authToken: TWILIO_TEST_AUTH_TOKEN,
  },
): Promise<TwilioDouble> {
  const requests: TwilioRequest[] = [];
  const failures: number[] = [];
  const expectedPath = `/2010-04-01/Accounts/${account.accountSid}/Messages.json`;
  const expectedAuth = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`, 'utf8').toString('base64')}`;

  const handle = (req: IncomingMessage, res: ServerResponse, rawBody: string): void => {
    const violations: string[] = [];
    const contentType = req.headers['content-type'];
    const record = (status: number, form: Record<string, string>) =>
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType,
        rawBody,
        form,
        violations,
        answeredStatus: status,
      });

    if (req.method !== 'POST') violations.push(`method ${req.method}, expected POST`);
    if (req.url !== expectedPath) violations.push(`path ${req.url}, expected ${expectedPath}`);
    if (req.headers.authorization !== expectedAuth) {
      violations.push('Authorization is not Basic AccountSid:AuthToken');
      record(401, {});
      twilioError(res, 401, 20003, 'Authenticate');
      return;
    }
    if (
      !contentType ||
      contentType.split(';')[0]!.trim().toLowerCase() !== 'application/x-www-form-urlencoded'
    )
      violations.push(`Content-Type ${contentType}, expected application/x-www-form-urlencoded`);
    const form = decodeForm(rawBody);
    for (const name of Object.keys(form))
      if (!documentedParameters.has(name)) violations.push(`unknown parameter ${name}`);
    if (!form.To) violations.push('To is missing');
    if (!form.Body) violations.push('Body is missing');
    const senders = ['From', 'MessagingServiceSid'].filter((name) => form[name] !== undefined);
    if (senders.length !== 1)
      violations.push(`expected exactly one of From and MessagingServiceSid, got ${senders.length}`);
    if (violations.length > 0) {
      record(400, form);
      twilioError(res, 400, 21604, violations.join('; '));
      return;
    }
    const failure = failures.shift();
    if (failure !== undefined) {
      record(failure, form);
      if (failure === 429) twilioError(res, 429, 20429, 'Too Many Requests');
      else twilioError(res, failure, 20500, 'An internal server error has occurred');
      return;
    }
    if (!/^\+[1-9][0-9]{6,14}$/.test(form.To!) || form.To === TWILIO_INVALID_TO) {
      record(400, form);
      twilioError(res, 400, 21211, `The 'To' number ${form.To} is not a valid phone number.`);
      return;
    }
    record(201, form);
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const created = new Date().toUTCString().replace('GMT', '+0000');
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
    res.end(
      JSON.stringify({
        account_sid: account.accountSid,
        api_version: '2010-04-01',
        body: form.Body,
        date_created: created,
        date_sent: null,
        date_updated: created,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: form.From ?? null,
        messaging_service_sid: form.MessagingServiceSid ?? null,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid,
        status: form.MessagingServiceSid ? 'accepted' : 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${account.accountSid}/Messages/${sid}/Media.json` },
        to: form.To,
        uri: `/2010-04-01/Accounts/${account.accountSid}/Messages/${sid}.json`,
      }),
    );
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(status, count = 1) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} Twilio requests, got ${requests.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The TWILIO_* environment that points the app at a double. */
export function twilioEnv(
  double: TwilioDouble,
  sender: { from: string } | { messagingServiceSid: string },
): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: TWILIO_TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TEST_AUTH_TOKEN,
    TWILIO_API_BASE: double.url,
    ...('from' in sender
      ? { TWILIO_FROM: sender.from }
      : { TWILIO_MESSAGING_SERVICE_SID: sender.messagingServiceSid }),
  };
}
