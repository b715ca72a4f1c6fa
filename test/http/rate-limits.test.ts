// Rate limits per client address and per account on sign-in, codes, resets, reminders and registration, with fake time.
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rateLimitCounters } from '../../src/db/schema/rate-limits.js';
import { unlockLoginId } from '../../src/modules/identity/auth-index.js';
import { rateLimits } from '../../src/modules/rate-limits/index.js';
import { json, mailsNow, registerAndConfirm, travel } from '../helpers/member-browser.js';
import { Browser, memberTestPassword as password } from '../helpers/member-session.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2026-04-01T09:00:00+09:00');
  await t.startWorker();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

let nextAddress = 1;
/** A client address of its own, so one test's counters never meet another's. */
const freshAddress = () => `192.0.2.${nextAddress++}`;

const post = (path: string, body: unknown, address: string) =>
  t.request(path, {
    ...json('POST', body),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
  });

function later(minutes: number): void {
  travel(t, t.clock.now().add({ minutes }).toString());
}

/** The answer without what differs per request. */
async function answer(res: Response) {
  const body = (await res.json()) as Record<string, unknown>;
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    code: body.code,
    messages: body.messages,
  };
}

describe('sign-in', () => {
  it('refuses the 11th attempt on one login ID in 10 minutes, known or not, from any address, and resets after the window', async () => {
    await registerAndConfirm(t, 'limited.member', 'limited@example.jp', password);
    travel(t, '2026-04-02T09:00:00+09:00');
    const { limit, windowSeconds } = rateLimits.signIn.perAccount;
    expect([limit, windowSeconds]).toEqual([10, 600]);
    for (const loginId of ['limited.member', 'nobody.here']) {
      for (let i = 1; i <= limit; i++) {
        // Every attempt from another address: the per-address counter is not what stops them.
        const res = await post('/api/sessions', { loginId, password: 'Wrong-pass123!' }, freshAddress());
        expect([loginId, i, res.status === 429]).toEqual([loginId, i, false]);
      }
    }
    later(2);
    const known = await answer(
      await post('/api/sessions', { loginId: 'LIMITED.member', password }, freshAddress()),
    );
    const unknown = await answer(
      await post('/api/sessions', { loginId: 'nobody.here', password }, freshAddress()),
    );
    expect(known).toEqual({
      status: 429,
      retryAfter: '480',
      code: 'rate_limited',
      messages: {
        ja: '短時間に多くのリクエストがあったため、一時的に受け付けを停止しています。8分ほどたってから、もう一度お試しください。',
        en: 'Too many requests in a short time. Please try again in about 8 minutes.',
      },
    });
    // The answer for an ID nobody holds is the same: the limit tells nothing about which IDs exist.
    expect(unknown).toEqual(known);

    later(8);
    // The window has passed (and so has the 10-minute lock the first five failures set): answered again.
    const after = await post('/api/sessions', { loginId: 'nobody.here', password }, freshAddress());
    expect([after.status, (await after.json()).code]).toEqual([401, 'invalid_credentials']);
  });

  it('refuses the 31st attempt from one address in 10 minutes across many login IDs', async () => {
    travel(t, '2026-04-03T09:00:00+09:00');
    const address = freshAddress();
    for (let i = 1; i <= 30; i++) {
      const res = await post('/api/sessions', { loginId: `spray-${i}`, password: 'Summer2026!!' }, address);
      expect([i, res.status]).toEqual([i, 401]);
    }
    const refused = await post('/api/sessions', { loginId: 'spray-31', password: 'Summer2026!!' }, address);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '600']);
    // Refused requests do not move the window's end.
    later(5);
    const still = await post('/api/sessions', { loginId: 'spray-32', password: 'Summer2026!!' }, address);
    expect([still.status, still.headers.get('retry-after')]).toEqual([429, '300']);
    // Another address is not affected.
    expect((await post('/api/sessions', { loginId: 'spray-33', password: 'x' }, freshAddress())).status).toBe(
      401,
    );
    later(5);
    expect((await post('/api/sessions', { loginId: 'spray-34', password: 'x' }, address)).status).toBe(401);
  });
});

describe('codes', () => {
  it('counts mailed-code and backup-code tries of one pending sign-in together, 10 in 10 minutes', async () => {
    travel(t, '2026-04-04T09:00:00+09:00');
    await registerAndConfirm(t, 'coder', 'coder@example.jp', password);
    const browser = new Browser(t);
    const send = (path: string, body: unknown) =>
      browser.send(path, 'POST', body, { 'x-forwarded-for': freshAddress() });
    const statuses: number[] = [];
    // Four wrong codes per challenge (the fifth would lock the ID), then a fresh password step.
    for (let round = 0; round < 3; round++) {
      expect((await send('/api/sessions', { loginId: 'coder', password })).status).toBe(202);
      for (let i = 0; i < 4 && statuses.length < 11; i++) {
        const path = i % 2 === 0 ? '/api/sessions/verify-code' : '/api/sessions/verify-backup-code';
        const res = await send(path, i % 2 === 0 ? { code: '000000' } : { code: 'aaaaa-aaaaa' });
        statuses.push(res.status);
      }
      // Four failures per round stay under the lock; the unlock starts the next round afresh.
      await t.request('/api/sessions/current', { method: 'DELETE', headers: { cookie: browser.cookie } });
      await unlockLoginId(t.ctx.db, {
        loginId: 'coder',
        actor: { kind: 'cli', id: 'test' },
        now: t.clock.now(),
      });
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
  });
});

describe('mail-sending endpoints, per account', () => {
  const cases = [
    {
      name: 'password reset request (per login ID, 5 an hour)',
      path: '/api/password-resets',
      body: (i: number) => ({ loginId: i % 2 === 0 ? 'Reset.Me' : 'reset.me' }),
      rule: rateLimits.passwordResetRequest.perAccount,
    },
    {
      name: 'login ID reminder (per email, 5 an hour)',
      path: '/api/login-id-reminders',
      body: (i: number) => ({ email: i % 2 === 0 ? 'Remind@Example.jp' : 'remind@example.jp' }),
      rule: rateLimits.loginIdReminder.perAccount,
    },
    {
      name: 'confirmation resend (per login ID, 5 an hour)',
      path: '/api/members/resend-confirmation',
      body: () => ({ loginId: 'not.confirmed' }),
      rule: rateLimits.resendConfirmation.perAccount,
    },
    {
      name: 'password reset completion (per link, 10 an hour)',
      path: '/api/password-resets/complete',
      body: () => ({
        token: 'y'.repeat(43),
        temporaryPassword: 'AAAA-BBBB-CCCC-DDDD',
        newPassword: 'Fresh-Start2026!',
      }),
      rule: rateLimits.passwordResetComplete.perAccount,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: trips at exactly ${c.rule.limit + 1} and resets after the window`, async () => {
      travel(t, '2026-04-05T09:00:00+09:00');
      for (let i = 1; i <= c.rule.limit; i++) {
        const res = await post(c.path, c.body(i), freshAddress());
        expect([i, res.status === 429]).toEqual([i, false]);
      }
      const refused = await post(c.path, c.body(0), freshAddress());
      expect([refused.status, refused.headers.get('retry-after'), (await refused.json()).code]).toEqual([
        429,
        String(c.rule.windowSeconds),
        'rate_limited',
      ]);
      later(c.rule.windowSeconds / 60);
      expect((await post(c.path, c.body(0), freshAddress())).status).not.toBe(429);
    });
  }

  it('sends no mail for a refused reset request', async () => {
    travel(t, '2026-04-06T09:00:00+09:00');
    await registerAndConfirm(t, 'mailflood', 'mailflood@example.jp', password);
    const before = (await mailsNow(t, 'mailflood@example.jp')).length;
    for (let i = 0; i < 6; i++) await post('/api/password-resets', { loginId: 'mailflood' }, freshAddress());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // Five accepted requests, two mails each; the sixth was refused before anything was queued.
    expect((await mailsNow(t, 'mailflood@example.jp')).length - before).toBe(10);
  });
});

describe('registration', () => {
  it('takes 10 registrations an hour from one address and 5 for one contact email', async () => {
    travel(t, '2026-04-07T09:00:00+09:00');
    const address = freshAddress();
    for (let i = 1; i <= 5; i++) {
      const res = await post(
        '/api/members',
        fullRegistration({ loginId: `same-mail-${i}`, email: 'family@example.jp' }),
        address,
      );
      expect([i, res.status]).toEqual([i, 201]);
    }
    const sixth = await post(
      '/api/members',
      fullRegistration({ loginId: 'same-mail-6', email: 'FAMILY@example.jp' }),
      address,
    );
    expect([sixth.status, (await sixth.json()).code]).toEqual([429, 'rate_limited']);
    for (let i = 7; i <= 10; i++) {
      const res = await post(
        '/api/members',
        fullRegistration({ loginId: `other-${i}`, email: `o${i}@example.jp` }),
        address,
      );
      expect([i, res.status]).toEqual([i, 201]);
    }
    // The sixth (refused per email) counted for the address too: 10 so far.
    const eleventh = await post(
      '/api/members',
      fullRegistration({ loginId: 'other-11', email: 'o11@example.jp' }),
      address,
    );
    expect(eleventh.status).toBe(429);
  });
});

describe('the counters table', () => {
  it('keeps only hashed keys and prunes expired windows when a new one opens', async () => {
    const rows = await t.ctx.db.select().from(rateLimitCounters);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).toMatch(/^[a-z_]+:[a-z_]+:[A-Za-z0-9_-]{43}$/);
      expect(row.key).not.toContain('192.0.2');
    }
    travel(t, '2026-05-01T09:00:00+09:00');
    await post('/api/login-id-reminders', { email: 'prune@example.jp' }, freshAddress());
    const [left] = await t.ctx.db
      .select({ n: count() })
      .from(rateLimitCounters)
      .where(like(rateLimitCounters.key, 'login_id_reminder:%'));
    // The two counters of this request; every expired one was pruned (fewer than 100 existed).
    expect(left!.n).toBe(2);
  });
});
