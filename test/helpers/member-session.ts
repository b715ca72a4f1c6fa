// Signs members in through the real HTTP routes for tests of member-only endpoints: register, confirm, code.
import { expect } from 'vitest';
import { type DevMail, listDevMailbox } from '../../src/modules/notifications/index.js';
import { fullRegistration } from './registration.js';
import type { TestApp } from './test-app.js';

/** The password every test member registers with. */
export const memberTestPassword = 'Kei-yaku2026!';
const password = memberTestPassword;

/** How long a test waits for the running worker to deliver a mail: generous, since a loaded CI machine delays the worker. */
const mailDeadlineMs = 60_000;

/** Waits until a mail in the dev mailbox satisfies `matches`; the worker delivers in its own time and in any order. */
export async function waitForMail(
  t: TestApp,
  matches: (mail: DevMail) => boolean,
  what: string,
): Promise<DevMail> {
  const deadline = Date.now() + mailDeadlineMs;
  for (;;) {
    const found = (await listDevMailbox(t.ctx.db, 1000)).find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`expected ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Mail delivered to an address by the running worker, oldest first; waits until `count` have arrived. */
export async function mailTo(t: TestApp, to: string, count: number): Promise<DevMail[]> {
  const deadline = Date.now() + mailDeadlineMs;
  for (;;) {
    const mails = (await listDevMailbox(t.ctx.db, 500)).filter((m) => m.to === to);
    if (mails.length >= count) return mails.sort((a, b) => a.outboxId.localeCompare(b.outboxId));
    if (Date.now() > deadline) throw new Error(`expected ${count} mails to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the mail to `to` with exactly this subject: the worker delivers other mails to the address in any order. */
export async function mailWithSubject(t: TestApp, to: string, subject: string): Promise<DevMail> {
  return waitForMail(t, (m) => m.to === to && m.subject === subject, `a mail to ${to} titled ${subject}`);
}

/** Cookie jar of one browser: keeps what Set-Cookie says, drops what it expires. */
export class Browser {
  private jar = new Map<string, string>();
  constructor(private readonly t: TestApp) {}
  take(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value.join('=') === '') this.jar.delete(name.trim());
      else this.jar.set(name.trim(), value.join('='));
    }
    return res;
  }
  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async send(
    path: string,
    method: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const all: Record<string, string> = { ...headers, cookie: this.cookie };
    if (body !== undefined) all['content-type'] = 'application/json';
    const init: RequestInit = {
      method,
      headers: all,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    return this.take(await this.t.request(path, init));
  }
}

export interface SignedInMember {
  memberId: string;
  browser: Browser;
}

/** Registers a member (Japanese or English), confirms the mailed link and signs in with the mailed code (automatic review). */
export async function registerAndSignIn(
  t: TestApp,
  member: { loginId: string; name: string; email: string; locale?: 'ja' | 'en' },
): Promise<SignedInMember> {
  const browser = new Browser(t);
  const language = { 'accept-language': member.locale === 'en' ? 'en' : 'ja' };
  const before = (await listDevMailbox(t.ctx.db, 500)).filter((m) => m.to === member.email).length;
  const res = await browser.send(
    '/api/members',
    'POST',
    fullRegistration({ loginId: member.loginId, name: member.name, nameKana: 'テスト', email: member.email }),
    language,
  );
  expect(res.status).toBe(201);
  const { memberId } = (await res.json()) as { memberId: string };
  const confirmation = (await mailTo(t, member.email, before + 1)).at(-1)!;
  const token = decodeURIComponent(
    /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation.text)![1]!,
  );
  expect((await browser.send('/api/members/confirm-email', 'POST', { token })).status).toBe(200);
  expect((await browser.send('/api/sessions', 'POST', { loginId: member.loginId, password })).status).toBe(
    202,
  );
  // Confirmation, "registration complete" (the store reviews automatically by default), then the code.
  const codeMail = (await mailTo(t, member.email, before + 3)).at(-1)!;
  const code = /(?:コード|code is): (\d{6})/.exec(codeMail.text)![1]!;
  expect((await browser.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);
  return { memberId, browser };
}
