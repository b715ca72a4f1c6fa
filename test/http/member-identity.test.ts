// Member identity end to end through HTTP: register, confirm by mail, sign in with a mailed code, My Page, sign out.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { authAccount, members } from '../../src/db/schema/identity.js';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import { updateStoreSettings } from '../../src/modules/store/index.js';
import { mailTo as waitForMails } from '../helpers/member-session.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // better-auth reads Date.now(); it travels with our clock (only Date is faked, timers run for real).
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

/** Moves both clocks forward from Date.now(), which has kept running since the last travel. */
function advanceSeconds(seconds: number): void {
  travel(new Date(Date.now() + seconds * 1000).toISOString());
}

const json = (method: string, body: unknown, cookie?: string): RequestInit => ({
  method,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
});

/** Cookie jar of one browser: keeps what Set-Cookie says, drops what it expires. */
class Browser {
  private jar = new Map<string, string>();
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
    return this.take(await t.request(path, init));
  }
}

const mailTo = (to: string, count: number) => waitForMails(t, to, count);

const tokenIn = (text: string) => /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(text)?.[1];
const codeIn = (text: string) => /(?:コード|code is): (\d{6})/.exec(text)?.[1];

const password = 'Kei-yaku2026!';
function registration(loginId: string, email: string) {
  return fullRegistration({ loginId, email });
}

async function registerAndConfirm(loginId: string, email: string): Promise<string> {
  const res = await t.request('/api/members', json('POST', registration(loginId, email)));
  expect(res.status).toBe(201);
  const [mail] = await mailTo(email, 1);
  const token = decodeURIComponent(tokenIn(mail!.text)!);
  const confirmed = await t.request('/api/members/confirm-email', json('POST', { token }));
  expect(confirmed.status).toBe(200);
  // "Registration complete" follows the confirmation (automatic review); later counts start after it.
  await mailTo(email, 2);
  return ((await res.json()) as { memberId: string }).memberId;
}

describe('a member from registration to sign-out', () => {
  it('registers, confirms by mail, signs in with a mailed code, sees My Page and signs out', async () => {
    const res = await t.request(
      '/api/members',
      json('POST', registration('Hanako.Yamada', 'hanako@example.jp')),
    );
    expect(res.status).toBe(201);
    const { memberId, status } = (await res.json()) as { memberId: string; status: string };
    expect(memberId).toMatch(/^mem_/);
    expect(status).toBe('unconfirmed');
    const [account] = await t.ctx.db.select().from(authAccount).where(eq(authAccount.userId, memberId));
    expect(account!.password).toMatch(/^\$argon2id\$/);

    const [confirmation] = await mailTo('hanako@example.jp', 1);
    expect(confirmation!.subject).toBe('【keiyaku デモストア】メールアドレスの確認のお願い');
    expect(confirmation!.text).toContain('http://127.0.0.1:3000/register/confirm?token=');
    const token = decodeURIComponent(tokenIn(confirmation!.text)!);

    const browser = new Browser();
    const confirmed = await browser.send('/api/members/confirm-email', 'POST', { token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.getSetCookie()).toEqual([]);
    expect((await browser.send('/api/mypage/me', 'GET')).status).toBe(401);

    // The login ID is found whatever its case.
    const signIn = await browser.send('/api/sessions', 'POST', { loginId: 'hanako.yamada', password });
    expect(signIn.status).toBe(202);
    expect(await signIn.json()).toEqual({
      status: 'code_sent',
      codeValidMinutes: 10,
      channel: 'email',
      destinationHint: 'h***@example.jp',
    });
    expect(browser.cookie).toContain('keiyaku.two_factor=');
    expect(browser.cookie).not.toContain('session_token');
    expect((await browser.send('/api/mypage/me', 'GET')).status).toBe(401);

    // Confirmation, "registration complete" (automatic review), then the code.
    const complete = (await mailTo('hanako@example.jp', 3))[1]!;
    expect(complete.subject).toBe('【keiyaku デモストア】会員登録完了のお知らせ');
    const codeMail = (await mailTo('hanako@example.jp', 3))[2]!;
    expect(codeMail.subject).toBe('【keiyaku デモストア】ログイン確認コード');
    const code = codeIn(codeMail.text)!;
    const verified = await browser.send('/api/sessions/verify-code', 'POST', { code });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ status: 'signed_in', memberId });
    const sessionCookie = verified.headers
      .getSetCookie()
      .find((c) => c.startsWith('keiyaku.session_token='))!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).not.toMatch(/Secure/i);

    const me = await browser.send('/api/mypage/me', 'GET');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      id: memberId,
      loginId: 'Hanako.Yamada',
      name: '山田 花子',
      nameKana: 'ヤマダ\u3000ハナコ',
      email: 'hanako@example.jp',
      postalCode: '100-0005',
      phone: '+81312345678',
      status: 'active',
    });

    expect((await browser.send('/api/sessions/current', 'DELETE')).status).toBe(204);
    const after = await browser.send('/api/mypage/me', 'GET');
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect((await after.json()).code).toBe('not_signed_in');

    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, memberId))).map(
      (row) => [row.action, row.actorKind, row.actorId, row.requestId !== null],
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        ['member.registered', 'member', memberId, true],
        ['member.email_confirmed', 'member', memberId, true],
        ['member.sign_in_code_sent', 'member', memberId, true],
        ['member.signed_in', 'member', memberId, true],
        ['member.signed_out', 'member', memberId, true],
      ]),
    );
  });

  it('keeps the contact email non-unique: one person may hold two memberships', async () => {
    await registerAndConfirm('shared-1', 'shared@example.jp');
    const second = await t.request(
      '/api/members',
      json('POST', registration('shared-2', 'shared@example.jp')),
    );
    expect(second.status).toBe(201);
    expect(await t.ctx.db.select().from(members).where(eq(members.email, 'shared@example.jp'))).toHaveLength(
      2,
    );
  });
});

describe('registration refusals', () => {
  it('refuses a login ID that differs from a taken one only in case', async () => {
    expect(
      (await t.request('/api/members', json('POST', registration('Case.Test', 'case1@example.jp')))).status,
    ).toBe(201);
    const res = await t.request('/api/members', json('POST', registration('CASE.test', 'case2@example.jp')));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.code).toBe('login_id_taken');
    expect(body.errors[0].path).toBe('loginId');
  });

  it('refuses a weak password naming the field', async () => {
    const res = await t.request(
      '/api/members',
      json('POST', { ...registration('weak-pass', 'weak@example.jp'), password: 'alllowercase1' }),
    );
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toEqual([
      expect.objectContaining({ path: 'password', code: 'password_upper_case' }),
      expect.objectContaining({ path: 'password', code: 'password_symbol' }),
    ]);
  });

  it("checks the store's password policy, not the default one, and registers nobody when it refuses", async () => {
    // Ten characters of all four classes: the default `seed` preset accepts it, `modern` wants twelve.
    const tenCharacters = 'Kei-yaku26';
    const auditsBefore = (await t.ctx.db.select().from(auditLog)).length;
    await updateStoreSettings(t.ctx.db, {
      patch: { passwordPolicy: 'modern' },
      actor: { kind: 'cli', id: 'test' },
      now: t.clock.now(),
    });
    try {
      const store = (await (await t.request('/api/store')).json()) as { passwordPolicy: string };
      expect(store.passwordPolicy).toBe('modern');
      const res = await t.request(
        '/api/members',
        json('POST', { ...registration('strict-policy', 'strict@example.jp'), password: tenCharacters }),
      );
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.code).toBe('validation_failed');
      expect(body.errors).toEqual([
        {
          path: 'password',
          code: 'password_min_length',
          message: {
            ja: 'パスワードは12文字以上にしてください。',
            en: 'The password must be at least 12 characters long.',
          },
        },
      ]);
      expect(await t.ctx.db.select().from(members).where(eq(members.loginId, 'strict-policy'))).toEqual([]);
      // Only the settings change itself was audited; the refused registration left no trace.
      const audits = await t.ctx.db.select().from(auditLog);
      expect(audits.length).toBe(auditsBefore + 1);
    } finally {
      await updateStoreSettings(t.ctx.db, {
        patch: { passwordPolicy: 'seed' },
        actor: { kind: 'cli', id: 'test' },
        now: t.clock.now(),
      });
    }
    // The same password under the default preset registers.
    const accepted = await t.request(
      '/api/members',
      json('POST', { ...registration('strict-policy', 'strict@example.jp'), password: tenCharacters }),
    );
    expect(accepted.status).toBe(201);
  });

  it('refuses a state-changing request from another origin', async () => {
    const res = await t.app.request('/api/members', {
      ...json('POST', registration('no-origin', 'x@example.jp')),
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('untrusted_origin');
  });
});

describe('confirmation links', () => {
  it('work once and expire after 24 hours; resending answers the same for unknown IDs', async () => {
    const res = await t.request(
      '/api/members',
      json('POST', registration('late-confirmer', 'late@example.jp')),
    );
    expect(res.status).toBe(201);
    const first = decodeURIComponent(tokenIn((await mailTo('late@example.jp', 1))[0]!.text)!);

    const refused = await t.request('/api/sessions', json('POST', { loginId: 'late-confirmer', password }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('email_not_confirmed');

    advanceSeconds(24 * 60 * 60 + 60);
    const expired = await t.request('/api/members/confirm-email', json('POST', { token: first }));
    expect(expired.status).toBe(410);
    expect((await expired.json()).code).toBe('confirmation_link_invalid');

    const known = await t.request(
      '/api/members/resend-confirmation',
      json('POST', { loginId: 'LATE-confirmer' }),
    );
    const unknown = await t.request(
      '/api/members/resend-confirmation',
      json('POST', { loginId: 'nobody-here' }),
    );
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());

    const second = decodeURIComponent(tokenIn((await mailTo('late@example.jp', 2))[1]!.text)!);
    expect((await t.request('/api/members/confirm-email', json('POST', { token: second }))).status).toBe(200);
    const reused = await t.request('/api/members/confirm-email', json('POST', { token: second }));
    expect(reused.status).toBe(410);
    expect((await reused.json()).code).toBe('confirmation_link_invalid');
  });
});

describe('sign-in refusals', () => {
  beforeAll(async () => {
    await registerAndConfirm('taro', 'taro@example.jp');
  });

  it('answers a wrong password exactly like an unknown login ID', async () => {
    const wrong = await t.request(
      '/api/sessions',
      json('POST', { loginId: 'taro', password: 'Wrong-pass123' }),
    );
    const unknown = await t.request('/api/sessions', json('POST', { loginId: 'no-such-member', password }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.code).toBe('invalid_credentials');
    expect({ ...a, requestId: null }).toEqual({ ...b, requestId: null });
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const failures = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'member.sign_in_failed'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('lets a code expire after 10 minutes', async () => {
    const browser = new Browser();
    const before = (await mailTo('taro@example.jp', 2)).length;
    expect((await browser.send('/api/sessions', 'POST', { loginId: 'taro', password })).status).toBe(202);
    const code = codeIn((await mailTo('taro@example.jp', before + 1)).at(-1)!.text)!;
    advanceSeconds(10 * 60 + 1);
    const res = await browser.send('/api/sessions/verify-code', 'POST', { code });
    expect(res.status).toBe(410);
    expect((await res.json()).code).toBe('code_expired');
    expect((await browser.send('/api/mypage/me', 'GET')).status).toBe(401);
  });

  it('kills a code after 5 wrong tries, even when the sixth is right', async () => {
    // The store's lockout would lock the ID first; this test is about the per-code limit alone.
    await updateStoreSettings(t.ctx.db, {
      patch: { lockoutThreshold: 20 },
      actor: { kind: 'cli', id: 'test' },
      now: t.clock.now(),
    });
    const browser = new Browser();
    const before = (await mailTo('taro@example.jp', 2)).length;
    expect((await browser.send('/api/sessions', 'POST', { loginId: 'taro', password })).status).toBe(202);
    const code = codeIn((await mailTo('taro@example.jp', before + 1)).at(-1)!.text)!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await browser.send('/api/sessions/verify-code', 'POST', { code: wrong });
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe('invalid_code');
    }
    const dead = await browser.send('/api/sessions/verify-code', 'POST', { code });
    expect(dead.status).toBe(429);
    expect((await dead.json()).code).toBe('code_attempts_exhausted');
    expect((await browser.send('/api/mypage/me', 'GET')).status).toBe(401);
  });

  it('asks for a pending sign-in before a code', async () => {
    const res = await t.request('/api/sessions/verify-code', json('POST', { code: '123456' }));
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('sign_in_not_pending');
  });
});
