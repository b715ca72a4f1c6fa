// Member sessions: idle and absolute timeouts from the store settings, sign-in history, the session list, sign out everywhere.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { authSession } from '../../src/db/schema/identity.js';
import { updateStoreSettings } from '../../src/modules/store/index.js';
import { registerAndConfirm, travel } from '../helpers/member-browser.js';
import { Browser, mailTo, memberTestPassword as password } from '../helpers/member-session.js';
import { operatorSignedIn } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // Addresses come from X-Forwarded-For, as behind the store's reverse proxy.
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2026-04-01T09:00:00+09:00');
  await t.startWorker();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const chromeOnWindows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** A browser whose every request carries a user agent and a forwarded client address. */
function device(userAgent: string, address: string): { browser: Browser; headers: Record<string, string> } {
  return { browser: new Browser(t), headers: { 'user-agent': userAgent, 'x-forwarded-for': address } };
}

async function signIn(
  d: { browser: Browser; headers: Record<string, string> },
  loginId: string,
  email: string,
): Promise<void> {
  const before = (await mailTo(t, email, 1)).length;
  const res = await d.browser.send('/api/sessions', 'POST', { loginId, password }, d.headers);
  expect(res.status).toBe(202);
  const mail = (await mailTo(t, email, before + 1)).at(-1)!;
  const code = /(?:コード|code is): (\d{6})/.exec(mail.text)![1]!;
  const verified = await d.browser.send('/api/sessions/verify-code', 'POST', { code }, d.headers);
  expect(verified.status).toBe(200);
}

/** Moves both clocks forward by whole minutes from our clock's instant. */
function later(minutes: number): void {
  travel(t, t.clock.now().add({ minutes }).toString());
}

async function settings(patch: Record<string, unknown>) {
  await updateStoreSettings(t.ctx.db, { patch, actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
}

const me = (d: { browser: Browser; headers: Record<string, string> }) =>
  d.browser.send('/api/mypage/me', 'GET', undefined, d.headers);

describe('session timeouts (store settings, read per request)', () => {
  it('defaults to 30 idle minutes and 24 hours, and validates the ranges', async () => {
    const owner = (await operatorSignedIn(t, 'sess-owner', ['owner'])).browser;
    const store = await (await owner.send('/api/admin/store', 'GET')).json();
    expect(store).toMatchObject({ sessionIdleMinutes: 30, sessionAbsoluteHours: 24 });
    const bad = await owner.send('/api/admin/store', 'PATCH', {
      sessionIdleMinutes: 4,
      sessionAbsoluteHours: 169,
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()).errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'sessionAbsoluteHours',
      'sessionIdleMinutes',
    ]);
    const good = await owner.send('/api/admin/store', 'PATCH', {
      sessionIdleMinutes: 45,
      sessionAbsoluteHours: 12,
    });
    expect(await good.json()).toMatchObject({ sessionIdleMinutes: 45, sessionAbsoluteHours: 12 });
    await settings({ sessionIdleMinutes: 30, sessionAbsoluteHours: 24 });
  });

  it('ends a session after 30 minutes without a request; every request moves the window on', async () => {
    await registerAndConfirm(t, 'idle.member', 'idle@example.jp', password);
    const d = device(chromeOnWindows, '203.0.113.10');
    await signIn(d, 'idle.member', 'idle@example.jp');
    later(29);
    expect((await me(d)).status).toBe(200);
    later(29);
    expect((await me(d)).status).toBe(200);
    later(30);
    const expired = await me(d);
    expect(expired.status).toBe(401);
    const problem = await expired.json();
    expect(problem.code).toBe('session_expired');
    expect(problem.messages.ja).toContain('もう一度ログインしてください');
    expect(problem.messages.en).toContain('Please sign in again');
    // The session row is gone: the same cookie is now simply not signed in, and nothing was audited.
    const again = await me(d);
    expect((await again.json()).code).toBe('not_signed_in');
    const rows = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'member.session_expired'));
    expect(rows).toEqual([]);
  });

  it('writes the activity stamp at most once a minute: requests within the minute change nothing', async () => {
    await registerAndConfirm(t, 'stamp.member', 'stamp@example.jp', password);
    const d = device(chromeOnWindows, '203.0.113.13');
    await signIn(d, 'stamp.member', 'stamp@example.jp');
    const stamp = async () => {
      const [row] = await t.ctx.db
        .select({ lastActiveAt: authSession.lastActiveAt })
        .from(authSession)
        .where(eq(authSession.ipAddress, '203.0.113.13'));
      return row?.lastActiveAt?.toISOString();
    };
    const signedInAt = await stamp();
    expect(signedInAt).toBeDefined();
    travel(t, t.clock.now().add({ seconds: 59 }).toString());
    expect((await me(d)).status).toBe(200);
    expect(await stamp()).toBe(signedInAt);
    travel(t, t.clock.now().add({ seconds: 1 }).toString());
    expect((await me(d)).status).toBe(200);
    expect(await stamp()).toBe(new Date(t.clock.now().epochMilliseconds).toISOString());
  });

  it('ends a busy session at the absolute limit, and an operator change applies at once', async () => {
    await registerAndConfirm(t, 'busy.member', 'busy@example.jp', password);
    const d = device(chromeOnWindows, '203.0.113.11');
    await signIn(d, 'busy.member', 'busy@example.jp');
    // 46 × 29 minutes = 22 h 14 min, never idle for 30 minutes.
    for (let i = 0; i < 46; i++) {
      later(29);
      expect([i, (await me(d)).status]).toEqual([i, 200]);
    }
    // The operator lowers the limit to 22 hours: the session is past it at once.
    await settings({ sessionAbsoluteHours: 22 });
    expect((await (await me(d)).json()).code).toBe('session_expired');
    await settings({ sessionAbsoluteHours: 24 });

    const e = device(chromeOnWindows, '203.0.113.11');
    await signIn(e, 'busy.member', 'busy@example.jp');
    // 49 × 29 minutes = 23 h 41 min.
    for (let i = 0; i < 49; i++) {
      later(29);
      expect([i, (await me(e)).status]).toEqual([i, 200]);
    }
    later(20);
    // 24 h 01 min after sign-in, used 20 minutes ago: only the absolute limit ends it.
    expect((await (await me(e)).json()).code).toBe('session_expired');
  });

  it('answers session_expired on every My Page route, the guard running before the body is read', async () => {
    await registerAndConfirm(t, 'guard.member', 'guard@example.jp', password);
    const d = device(chromeOnWindows, '203.0.113.12');
    await signIn(d, 'guard.member', 'guard@example.jp');
    later(31);
    const res = await d.browser.send('/api/mypage/profile', 'PATCH', { name: 42 }, d.headers);
    expect([res.status, (await res.json()).code]).toEqual([401, 'session_expired']);
  });
});

describe('an inquiry sent on a session that has just expired', () => {
  it('is taken as a guest inquiry, not refused', async () => {
    await registerAndConfirm(t, 'late.member', 'late@example.jp', password);
    const d = device(chromeOnWindows, '203.0.113.13');
    await signIn(d, 'late.member', 'late@example.jp');
    later(29);
    const { token } = await (
      await d.browser.send('/api/inquiries/form-token', 'GET', undefined, d.headers)
    ).json();
    later(2);
    const res = await d.browser.send(
      '/api/inquiries',
      'POST',
      {
        category: 'other',
        subject: 'ログインについて',
        message: '少し席を外していました。',
        contactName: '遅野 太郎',
        contactEmail: 'late@example.jp',
        formToken: token,
        website: '',
      },
      d.headers,
    );
    expect(res.status).toBe(201);
    expect((await me(d)).status).toBe(401);
  });
});

describe('sign-in history', () => {
  it('lists sign-ins and failed attempts with time, address and browser, marking this session', async () => {
    travel(t, '2026-04-10T09:00:00+09:00');
    const memberId = await registerAndConfirm(t, 'history.member', 'history@example.jp', password);
    const pc = device(chromeOnWindows, '203.0.113.20');
    const phone = device(safariOnIphone, '198.51.100.7');
    await signIn(pc, 'history.member', 'history@example.jp');
    later(1);
    const wrong = await phone.browser.send(
      '/api/sessions',
      'POST',
      { loginId: 'history.member', password: 'Wrong-pass123!' },
      phone.headers,
    );
    expect(wrong.status).toBe(401);
    later(1);
    await signIn(phone, 'history.member', 'history@example.jp');

    const res = await phone.browser.send('/api/mypage/sign-ins', 'GET', undefined, phone.headers);
    expect(res.status).toBe(200);
    const { signIns } = await res.json();
    expect(signIns.map((s: Record<string, unknown>) => ({ ...s, id: undefined }))).toEqual(
      [
        {
          at: '2026-04-10T00:02:00.000Z',
          outcome: 'succeeded',
          method: 'code',
          ipAddress: '198.51.100.7',
          browser: 'Safari 17 / iOS',
          current: true,
        },
        {
          at: '2026-04-10T00:01:00.000Z',
          outcome: 'failed',
          method: 'password',
          ipAddress: '198.51.100.7',
          browser: 'Safari 17 / iOS',
          current: false,
        },
        {
          at: '2026-04-10T00:00:00.000Z',
          outcome: 'succeeded',
          method: 'code',
          ipAddress: '203.0.113.20',
          browser: 'Chrome 131 / Windows',
          current: false,
        },
      ].map((s) => ({ ...s, id: undefined })),
    );

    // Operators with members.read see the same history with the full user agent.
    const support = (await operatorSignedIn(t, 'sess-support', ['support'])).browser;
    const admin = await support.send(`/api/admin/members/${memberId}/sign-ins`, 'GET');
    expect(admin.status).toBe(200);
    const adminBody = await admin.json();
    expect(adminBody.signIns).toHaveLength(3);
    expect(adminBody.signIns[2]).toMatchObject({ userAgent: chromeOnWindows, ipAddress: '203.0.113.20' });
    expect((await support.send('/api/admin/members/mem_unknown/sign-ins', 'GET')).status).toBe(404);
  });
});

describe('the session list and signing out everywhere', () => {
  it('lists live sessions, signs out one device, every other one, then every one; audited', async () => {
    const memberId = await registerAndConfirm(t, 'multi.member', 'multi@example.jp', password);
    const pc = device(chromeOnWindows, '203.0.113.30');
    const phone = device(safariOnIphone, '198.51.100.30');
    const tablet = device(safariOnIphone, '198.51.100.31');
    await signIn(pc, 'multi.member', 'multi@example.jp');
    later(1);
    await signIn(phone, 'multi.member', 'multi@example.jp');
    later(1);
    await signIn(tablet, 'multi.member', 'multi@example.jp');
    later(1);

    const listed = await pc.browser.send('/api/mypage/sessions', 'GET', undefined, pc.headers);
    const { sessions } = await listed.json();
    expect(
      sessions.map((s: { browser: string; current: boolean; ipAddress: string }) => [
        s.ipAddress,
        s.browser,
        s.current,
      ]),
    ).toEqual([
      ['203.0.113.30', 'Chrome 131 / Windows', true],
      ['198.51.100.31', 'Safari 17 / iOS', false],
      ['198.51.100.30', 'Safari 17 / iOS', false],
    ]);
    // This request made the PC's session the most recent; it ends 30 minutes from now unless used.
    const now = new Date(t.clock.now().epochMilliseconds);
    expect(sessions[0].lastActiveAt).toBe(now.toISOString());
    expect(sessions[0].expiresAt).toBe(new Date(now.getTime() + 30 * 60_000).toISOString());

    // Sign out the tablet from the PC.
    const tabletId = sessions[1].id;
    expect(
      (await pc.browser.send(`/api/mypage/sessions/${tabletId}`, 'DELETE', undefined, pc.headers)).status,
    ).toBe(204);
    expect((await (await me(tablet)).json()).code).toBe('not_signed_in');
    expect(
      (await pc.browser.send(`/api/mypage/sessions/${tabletId}`, 'DELETE', undefined, pc.headers)).status,
    ).toBe(404);

    // Sign out everywhere else: the phone goes, the PC stays.
    const others = await pc.browser.send('/api/mypage/sessions/revoke-others', 'POST', undefined, pc.headers);
    expect([others.status, await others.json()]).toEqual([200, { revoked: 1 }]);
    expect((await me(phone)).status).toBe(401);
    expect((await me(pc)).status).toBe(200);

    // Everywhere, here too: the answer clears the cookie and the session is gone.
    await signIn(phone, 'multi.member', 'multi@example.jp');
    const all = await pc.browser.send('/api/mypage/sessions/revoke-all', 'POST', undefined, pc.headers);
    expect([all.status, await all.json()]).toEqual([200, { revoked: 2 }]);
    expect(all.headers.getSetCookie().some((line) => /session_token=;.*Max-Age=0/i.test(line))).toBe(true);
    expect((await me(phone)).status).toBe(401);
    const rows = await t.ctx.db.select().from(authSession).where(eq(authSession.userId, memberId));
    expect(rows).toEqual([]);

    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, memberId), eq(auditLog.actorId, memberId)))
      // Ids are UUIDv7, monotonic even within one (faked) millisecond; PostgreSQL has no order otherwise.
      .orderBy(asc(auditLog.id));
    const actions = audit
      .filter((r) => r.action.startsWith('member.session'))
      .map((r) => [r.action, r.actorKind, r.after]);
    expect(actions).toEqual([
      ['member.session_revoked', 'member', { sessionId: tabletId, current: false }],
      ['member.sessions_revoked', 'member', { scope: 'others', revoked: 1 }],
      ['member.sessions_revoked', 'member', { scope: 'all', revoked: 2 }],
    ]);
  });

  it('keeps signing other sessions out on a password change', async () => {
    await registerAndConfirm(t, 'change.member', 'change@example.jp', password);
    const pc = device(chromeOnWindows, '203.0.113.40');
    const phone = device(safariOnIphone, '198.51.100.40');
    await signIn(pc, 'change.member', 'change@example.jp');
    await signIn(phone, 'change.member', 'change@example.jp');
    const changed = await pc.browser.send(
      '/api/mypage/password',
      'POST',
      { currentPassword: password, newPassword: 'New-Passw0rd!x' },
      pc.headers,
    );
    expect(changed.status).toBe(200);
    expect((await me(phone)).status).toBe(401);
    const { sessions } = await (
      await pc.browser.send('/api/mypage/sessions', 'GET', undefined, pc.headers)
    ).json();
    expect(sessions).toHaveLength(1);
  });
});
