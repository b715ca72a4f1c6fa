// Re-sending the sign-in code: only for a sign-in waiting for one, at most once a minute, and the old code dies.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Browser, mailTo, memberTestPassword, registerAndSignIn } from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  // better-auth reads Date.now(): it travels with our clock (only Date is faked; timers run for real).
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel('2026-04-01T09:00:00+09:00');
  await t.startWorker();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

function travel(iso: string): void {
  t.clock.travelTo(iso);
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
}

const codeIn = (text: string) => /(?:コード|code is): (\d{6})/.exec(text)![1]!;

describe('POST /api/sessions/resend-code', () => {
  it('refuses within 60 seconds, then sends a new code that replaces the old one', async () => {
    const email = 'resend@example.jp';
    const { browser: first } = await registerAndSignIn(t, { loginId: 'resend.me', name: '再送 花子', email });
    expect((await first.send('/api/sessions/current', 'DELETE')).status).toBe(204);

    travel('2026-04-01T09:10:00+09:00');
    const browser = new Browser(t);
    const signIn = await browser.send('/api/sessions', 'POST', {
      loginId: 'resend.me',
      password: memberTestPassword,
    });
    expect(signIn.status).toBe(202);
    // Confirmation, "registration complete", the first sign-in's code, then this sign-in's code.
    const oldCode = codeIn((await mailTo(t, email, 4))[3]!.text);

    travel('2026-04-01T09:10:45+09:00');
    const tooSoon = await browser.send('/api/sessions/resend-code', 'POST');
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.headers.get('retry-after')).toBe('15');
    const problem = await tooSoon.json();
    expect(problem.code).toBe('code_resend_too_soon');
    expect(problem.messages.ja).toBe(
      '確認コードの再送は、前回の送信から60秒たってからお願いします（あと15秒）。',
    );

    travel('2026-04-01T09:11:00+09:00');
    const resent = await browser.send('/api/sessions/resend-code', 'POST');
    expect(resent.status).toBe(202);
    expect(await resent.json()).toEqual({
      status: 'code_sent',
      codeValidMinutes: 10,
      channel: 'email',
      destinationHint: 'r***@example.jp',
    });
    const newCode = codeIn((await mailTo(t, email, 5))[4]!.text);
    expect(newCode).not.toBe(oldCode);

    const stale = await browser.send('/api/sessions/verify-code', 'POST', { code: oldCode });
    expect(stale.status).toBe(401);
    expect((await stale.json()).code).toBe('invalid_code');
    const verified = await browser.send('/api/sessions/verify-code', 'POST', { code: newCode });
    expect(verified.status).toBe(200);
  });

  it('answers 401 when no sign-in is waiting for a code, and sends nothing', async () => {
    const res = await new Browser(t).send('/api/sessions/resend-code', 'POST');
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('sign_in_not_pending');
  });
});
