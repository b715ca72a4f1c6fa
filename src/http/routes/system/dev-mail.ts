// GET /dev/mail and /dev/mail.json: the development mail viewer (every kept mail and SMS), for loopback clients only.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { Config } from '../../../config.js';
import { kernelErrors } from '../../../domain/errors.js';
import {
  type DevMail,
  type DevSms,
  listDevMailbox,
  listDevSms,
} from '../../../modules/notifications/index.js';
import type { AppEnv } from '../../openapi-app.js';
import { createRouter } from '../../openapi-app.js';
import { problemResponse } from '../../problem.js';

export const DEV_MAIL_PATH = '/dev/mail';

/** True while mail stays in the dev mailbox: no SMTP server configured, and not a production store. */
export function devMailboxInUse(config: Pick<Config, 'smtpUrl' | 'nodeEnv'>): boolean {
  return !config.smtpUrl && config.nodeEnv !== 'production';
}

/** 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6 (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/**
 * Whether this request may read the dev mailbox. Only the socket's peer counts: X-Forwarded-For is
 * ignored even with TRUST_PROXY, because a proxy in front makes every request arrive from loopback's
 * neighbour, and a client can write that header itself.
 */
export function mayReadDevMail(c: Context<AppEnv>): boolean {
  if (!devMailboxInUse(c.get('ctx').config)) return false;
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    // In-process requests (app.request) have no socket and so no proven peer.
    return false;
  }
  if (!isLoopbackAddress(peer)) return false;
  // A reverse proxy on the same machine also connects from loopback: a forwarded request is not local.
  return c.req.header('x-forwarded-for') === undefined && c.req.header('forwarded') === undefined;
}

/** A kept mail or SMS, as the viewer lists them. */
export interface DevMessage {
  kind: 'mail' | 'sms';
  id: string;
  /** The Message-ID a mail carries (null for SMS). */
  messageId: string | null;
  template: string;
  from: string | null;
  to: string;
  subject: string | null;
  text: string;
  deliveredAt: string;
}

function fromMail(m: DevMail): DevMessage {
  return {
    kind: 'mail',
    id: m.id,
    messageId: m.messageId,
    template: m.template,
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    deliveredAt: m.deliveredAt.toISOString(),
  };
}

function fromSms(s: DevSms): DevMessage {
  return {
    kind: 'sms',
    id: s.id,
    messageId: null,
    template: s.template,
    from: null,
    to: s.to,
    subject: null,
    text: s.body,
    deliveredAt: s.deliveredAt.toISOString(),
  };
}

export { fromMail as devMessageOfMail, fromSms as devMessageOfSms };

/** The newest `limit` mails and SMS together, newest first. */
async function newestMessages(c: Context<AppEnv>, limit: number): Promise<DevMessage[]> {
  const db = c.get('ctx').db;
  const [mails, sms] = await Promise.all([listDevMailbox(db, limit), listDevSms(db, limit)]);
  return [...mails.map(fromMail), ...sms.map(fromSms)]
    .sort((a, b) =>
      a.deliveredAt === b.deliveredAt ? b.id.localeCompare(a.id) : a.deliveredAt < b.deliveredAt ? 1 : -1,
    )
    .slice(0, limit);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Escapes the body and turns http(s) URLs into links, so a confirmation link is one click away. */
export function linkify(text: string): string {
  const parts = text.split(/(https?:\/\/[^\s<>"']+)/g);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeHtml(part);
      const href = escapeHtml(part);
      return `<a href="${href}">${href}</a>`;
    })
    .join('');
}

function tokyoTime(iso: string): string {
  return new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', hour12: false });
}

function limitOf(c: Context<AppEnv>): number {
  const n = Number(c.req.query('limit') ?? 50);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : 50;
}

function page(messages: DevMessage[], nonce: string) {
  const items = messages.map(
    (m) => html`<article class="message" id="${m.id}">
  <h2>${m.kind === 'sms' ? raw('SMS') : m.subject}</h2>
  <dl>
    ${m.from ? html`<dt>From</dt><dd>${m.from}</dd>` : ''}
    <dt>To</dt><dd>${m.to}</dd>
    <dt>日時 / Date</dt><dd><time datetime="${m.deliveredAt}">${tokyoTime(m.deliveredAt)}</time></dd>
    <dt>Template</dt><dd>${m.template}</dd>
  </dl>
  <pre>${raw(linkify(m.text))}</pre>
</article>`,
  );
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>開発用メールボックス / Dev mailbox — keiyaku</title>
<style nonce="${nonce}">
body { font-family: system-ui, 'Noto Sans JP', sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; background: #fff; }
header p { color: #444; }
.message { border: 1px solid #bbb; border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
.message h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0 0 0.5rem; font-size: 0.9rem; }
dt { color: #444; } dd { margin: 0; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; background: #f5f5f5; padding: 0.75rem; margin: 0; }
a { color: #0b57a4; text-decoration: underline; }
</style>
</head>
<body>
<header>
<h1>開発用メールボックス / Dev mailbox</h1>
<p>SMTP_URL が設定されていないため、送信されるはずのメールと SMS はここに保管されています（新しい順）。このページはこのコンピューターからのみ開けます。<br>
No SMTP_URL is set, so mail and SMS the store would send are kept here, newest first. Only this computer can open this page.</p>
<p><a href="${DEV_MAIL_PATH}">再読み込み / Reload</a> · <a href="/">ストア / Store</a> · <a href="/admin">管理画面 / Admin</a></p>
</header>
<main>
${messages.length === 0 ? html`<p>まだメールはありません。 / No mail yet.</p>` : items}
</main>
</body>
</html>`;
}

/** The viewer's two answers: the page and its JSON (what `keiyaku mailbox` reads from a running server). */
export function devMailRoutes() {
  const router = createRouter();
  router.get(DEV_MAIL_PATH, async (c) => {
    if (!mayReadDevMail(c)) return problemResponse(c, kernelErrors.notFound());
    const messages = await newestMessages(c, limitOf(c));
    const nonce = c.get('secureHeadersNonce' as never) as string;
    return c.html(page(messages, nonce), 200, { 'cache-control': 'no-store' });
  });
  router.get(`${DEV_MAIL_PATH}.json`, async (c) => {
    if (!mayReadDevMail(c)) return problemResponse(c, kernelErrors.notFound());
    const db = c.get('ctx').db;
    const limit = limitOf(c);
    const [mails, sms] = await Promise.all([listDevMailbox(db, limit), listDevSms(db, limit)]);
    c.header('cache-control', 'no-store');
    return c.json({ mails: mails.map(fromMail), sms: sms.map(fromSms) }, 200);
  });
  return router;
}
