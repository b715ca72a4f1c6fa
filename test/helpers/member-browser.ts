// Member-facing test helpers: a cookie-keeping browser, the dev mailbox, both clocks moved together.
import { expect, vi } from 'vitest';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import { mailTo } from './member-session.js';
import { fullRegistration } from './registration.js';
import type { TestApp } from './test-app.js';

/** Moves our clock and Vitest's fake Date to one instant (better-auth reads Date.now()). */
export function travel(t: TestApp, iso: string): void {
  t.clock.travelTo(iso);
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
}

/** Moves both clocks forward from Date.now(), which keeps running between travels. */
export function advanceMinutes(t: TestApp, minutes: number): void {
  travel(t, new Date(Date.now() + minutes * 60_000).toISOString());
}

/** A JSON request with an optional cookie header. */
export function json(method: string, body: unknown, cookie?: string): RequestInit {
  return {
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  };
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
  async send(path: string, method: string, body?: unknown): Promise<Response> {
    const init: RequestInit =
      body === undefined ? { method, headers: { cookie: this.cookie } } : json(method, body, this.cookie);
    return this.take(await this.t.request(path, init));
  }
}

export { mailTo };

/** Mails to an address right now, without waiting. */
export async function mailsNow(t: TestApp, to: string) {
  return (await listDevMailbox(t.ctx.db, 500)).filter((m) => m.to === to);
}

export const codeIn = (text: string) => /(?:コード|code is): (\d{6})/.exec(text)?.[1];
const confirmTokenIn = (text: string) => /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(text)?.[1];

/** Registers a member and confirms the address through the mailed link (two mails); returns the member id. */
export async function registerAndConfirm(
  t: TestApp,
  loginId: string,
  email: string,
  password: string,
): Promise<string> {
  const before = (await mailsNow(t, email)).length;
  const res = await t.request('/api/members', json('POST', fullRegistration({ loginId, password, email })));
  expect(res.status).toBe(201);
  const mails = await mailTo(t, email, before + 1);
  const token = decodeURIComponent(confirmTokenIn(mails.at(-1)!.text)!);
  expect((await t.request('/api/members/confirm-email', json('POST', { token }))).status).toBe(200);
  // The store reviews automatically by default: "registration complete" follows at once. Waiting for it
  // keeps the counts of later mails in step.
  await mailTo(t, email, before + 2);
  return ((await res.json()) as { memberId: string }).memberId;
}

/** Signs a browser in with password and mailed code. */
export async function signInFully(
  t: TestApp,
  browser: Browser,
  loginId: string,
  email: string,
  password: string,
): Promise<void> {
  const before = (await mailsNow(t, email)).length;
  expect((await browser.send('/api/sessions', 'POST', { loginId, password })).status).toBe(202);
  const code = codeIn((await mailTo(t, email, before + 1)).at(-1)!.text)!;
  expect((await browser.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);
}
