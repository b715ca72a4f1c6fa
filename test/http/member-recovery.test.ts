// Member recovery end to end: lockout, password change, forgotten password and login ID, backup codes.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { loginLockouts, memberBackupCodes, memberPasswordResets } from '../../src/db/schema/identity.js';
import { unlockLoginId, unlockLoginIdAfterIdentityCheck } from '../../src/modules/identity/auth-index.js';
import { updateStoreSettings } from '../../src/modules/store/index.js';
import {
  advanceMinutes,
  Browser,
  codeIn,
  json,
  mailsNow,
  mailTo,
  registerAndConfirm,
  signInFully,
  travel,
} from '../helpers/member-browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // better-auth reads Date.now(); it travels with our clock (only Date is faked, timers run for real).
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2026-04-01T09:00:00+09:00');
  await t.startWorker();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const password = 'Kei-yaku2026!';
const wrong = 'Wrong-pass123!';
const operator = { kind: 'operator' as const, id: 'opr_test', requestId: 'req-test' };

/** The problem body without what differs per request. */
async function answer(res: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body: { ...body, requestId: null, instance: null } };
}

const signInAttempt = (loginId: string, pass: string) =>
  t.request('/api/sessions', json('POST', { loginId, password: pass }));

async function setLockout(patch: Record<string, unknown>) {
  await updateStoreSettings(t.ctx.db, { patch, actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
}

describe('lockout (automatic unlock, the default: 5 failures, 10 minutes)', () => {
  it('locks a member and an unknown ID alike, refuses the right password identically, mails the member, lifts after 10 minutes', async () => {
    await registerAndConfirm(t, 'lock-auto', 'lock-auto@example.jp', password);
    for (let i = 0; i < 4; i++) {
      const known = await answer(await signInAttempt('lock-auto', wrong));
      const unknown = await answer(await signInAttempt('ghost-auto', wrong));
      expect(known.body.code).toBe('invalid_credentials');
      expect(known).toEqual(unknown);
      // The fourth failure leaves one try: the answer says so before the lock.
      expect(known.body.messages).toEqual(
        i === 3
          ? {
              ja: 'ログインIDまたはパスワードが正しくありません。あと1回失敗するとロックされます。',
              en: 'The login ID or password is incorrect. One more failed try will lock it.',
            }
          : {
              ja: 'ログインIDまたはパスワードが正しくありません。',
              en: 'The login ID or password is incorrect.',
            },
      );
    }
    const known = await answer(await signInAttempt('lock-auto', wrong));
    const unknown = await answer(await signInAttempt('ghost-auto', wrong));
    expect(known.status).toBe(423);
    expect(known.body.code).toBe('login_locked');
    expect(known.body.messages).toEqual({
      ja: expect.stringContaining('10分ほどたってから'),
      en: expect.stringContaining('try again after 10 minutes'),
    });
    expect(known).toEqual(unknown);

    // The right password during the lock: the same answer as any other attempt, no code mailed.
    const before = (await mailTo(t, 'lock-auto@example.jp', 3)).length;
    const right = await signInAttempt('lock-auto', password);
    expect(right.headers.getSetCookie()).toEqual([]);
    expect(await answer(right)).toEqual(await answer(await signInAttempt('ghost-auto', password)));
    expect(await answer(await signInAttempt('LOCK-AUTO', password))).toEqual(known);

    const lockMail = (await mailTo(t, 'lock-auto@example.jp', 3)).at(-1)!;
    expect(lockMail.subject).toBe('【keiyaku デモストア】ログインIDがロックされました');
    expect(lockMail.text).toContain('10分後に自動で解除');
    expect(lockMail.text).not.toContain('/inquiry');
    expect(lockMail.text).not.toContain(password);
    expect(before).toBe(3);
    expect((await mailsNow(t, 'lock-auto@example.jp')).length).toBe(3);

    advanceMinutes(t, 9);
    expect((await signInAttempt('lock-auto', password)).status).toBe(423);
    advanceMinutes(t, 1.1);
    expect((await signInAttempt('lock-auto', password)).status).toBe(202);
    expect((await signInAttempt('ghost-auto', wrong)).status).toBe(401);

    const [row] = await t.ctx.db
      .select()
      .from(loginLockouts)
      .where(eq(loginLockouts.loginIdKey, 'ghost-auto'));
    expect(row).toMatchObject({ failedCount: 1, lockedAt: null });
    const locks = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'login_id.locked'));
    expect(locks.map((l) => l.targetType).sort()).toEqual(['login_id', 'member']);
  });

  it('counts wrong second-factor codes toward the same lock', async () => {
    await registerAndConfirm(t, 'lock-code', 'lock-code@example.jp', password);
    const browser = new Browser(t);
    expect((await browser.send('/api/sessions', 'POST', { loginId: 'lock-code', password })).status).toBe(
      202,
    );
    const code = codeIn((await mailTo(t, 'lock-code@example.jp', 3)).at(-1)!.text)!;
    const bad = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      expect((await browser.send('/api/sessions/verify-code', 'POST', { code: bad })).status).toBe(401);
    }
    const locked = await browser.send('/api/sessions/verify-code', 'POST', { code: bad });
    expect(locked.status).toBe(423);
    expect((await locked.json()).code).toBe('login_locked');
    expect((await signInAttempt('lock-code', password)).status).toBe(423);
    advanceMinutes(t, 11);
  });
});

describe('lockout (operator unlock)', () => {
  beforeAll(() => setLockout({ lockoutMode: 'operator' }));
  afterAll(() => setLockout({ lockoutMode: 'auto' }));

  it('stays locked until an operator unlocks, for members and unknown IDs alike', async () => {
    const memberId = await registerAndConfirm(t, 'lock-op', 'lock-op@example.jp', password);
    for (let i = 0; i < 5; i++) {
      await signInAttempt('lock-op', wrong);
      await signInAttempt('ghost-op', wrong);
    }
    const known = await answer(await signInAttempt('lock-op', password));
    expect(known.status).toBe(423);
    expect(known.body.messages).toEqual({
      ja: expect.stringContaining('お問い合わせフォーム'),
      en: expect.stringContaining('contact us via the inquiry form'),
    });
    expect(await answer(await signInAttempt('ghost-op', password))).toEqual(known);
    const lockMail = (await mailTo(t, 'lock-op@example.jp', 3)).at(-1)!;
    expect(lockMail.text).toContain(
      '解除をご希望の場合は、お問い合わせフォームからご連絡ください。\nhttp://127.0.0.1:3000/inquiry?category=unlock\n',
    );

    advanceMinutes(t, 24 * 60);
    expect((await signInAttempt('lock-op', password)).status).toBe(423);

    // The console's unlock (POST /api/admin/members/{id}/unlock) after a recorded identity check.
    expect(
      await unlockLoginIdAfterIdentityCheck(t.ctx.db, {
        memberId,
        identityCheck: { method: 'phone_callback', note: 'called back on the registered number' },
        actor: operator,
        now: t.clock.now(),
      }),
    ).toEqual({ loginIdKey: 'lock-op', memberId });
    expect((await signInAttempt('lock-op', password)).status).toBe(202);
    expect(
      await unlockLoginId(t.ctx.db, { loginId: 'GHOST-op', actor: operator, now: t.clock.now() }),
    ).toEqual({
      wasLocked: true,
    });
    expect((await signInAttempt('ghost-op', password)).status).toBe(401);

    const unlocks = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'login_id.unlocked'));
    expect(unlocks.filter((u) => u.actorKind === 'operator').map((u) => [u.targetType, u.actorId])).toEqual(
      expect.arrayContaining([
        ['member', 'opr_test'],
        ['login_id', 'opr_test'],
      ]),
    );
  });
});

describe('password change on My Page', () => {
  it('checks the current password and the policy, signs other sessions out and mails the member', async () => {
    const memberId = await registerAndConfirm(t, 'changer', 'changer@example.jp', password);
    const here = new Browser(t);
    const there = new Browser(t);
    await signInFully(t, here, 'changer', 'changer@example.jp', password);
    await signInFully(t, there, 'changer', 'changer@example.jp', password);

    const wrongCurrent = await here.send('/api/mypage/password', 'POST', {
      currentPassword: wrong,
      newPassword: 'New-Passw0rd!x',
    });
    expect(wrongCurrent.status).toBe(403);
    expect((await wrongCurrent.json()).code).toBe('current_password_incorrect');
    const weak = await here.send('/api/mypage/password', 'POST', {
      currentPassword: password,
      newPassword: 'short',
    });
    expect(weak.status).toBe(422);
    expect((await weak.json()).errors.map((e: { code: string }) => e.code)).toContain('password_min_length');

    const changed = await here.send('/api/mypage/password', 'POST', {
      currentPassword: password,
      newPassword: 'New-Passw0rd!x',
    });
    expect(changed.status).toBe(200);
    expect((await here.send('/api/mypage/me', 'GET')).status).toBe(200);
    expect((await there.send('/api/mypage/me', 'GET')).status).toBe(401);
    expect((await signInAttempt('changer', password)).status).toBe(401);
    expect((await signInAttempt('changer', 'New-Passw0rd!x')).status).toBe(202);

    const mails = await mailTo(t, 'changer@example.jp', 5);
    expect(mails.map((m) => m.subject)).toContain('【keiyaku デモストア】パスワードが変更されました');
    const changedMail = mails.find((m) => m.subject === '【keiyaku デモストア】パスワードが変更されました')!;
    expect(changedMail.text).toContain(
      'お心当たりのない場合は、至急お問い合わせフォームからご連絡ください。\nhttp://127.0.0.1:3000/inquiry?category=other\n',
    );
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, memberId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['member.password_change_refused', 'member.password_changed']),
    );
  });

  it('asks for a session', async () => {
    const res = await t.request(
      '/api/mypage/password',
      json('POST', { currentPassword: password, newPassword: 'New-Passw0rd!x' }),
    );
    expect(res.status).toBe(401);
  });
});

const resetTokenIn = (text: string) => /\/password-reset\?token=([A-Za-z0-9_%-]+)/.exec(text)?.[1];
const temporaryIn = (text: string) => /(?:仮パスワード|is): ([A-Za-z0-9-]{19})/.exec(text)?.[1];

async function requestReset(loginId: string, email: string, already: number) {
  const res = await t.request('/api/password-resets', json('POST', { loginId }));
  expect(res.status).toBe(202);
  const mails = (await mailTo(t, email, already + 2)).slice(-2);
  const link = mails.find((m) => m.subject.includes('再設定用リンク'))!;
  const temp = mails.find((m) => m.subject.includes('仮パスワード'))!;
  return {
    token: decodeURIComponent(resetTokenIn(link.text)!),
    temporaryPassword: temporaryIn(temp.text)!,
    res,
  };
}

describe('forgotten password', () => {
  it('needs both the link and the temporary password, works once, signs out everywhere', async () => {
    const memberId = await registerAndConfirm(t, 'forgetful', 'forgetful@example.jp', password);
    const old = new Browser(t);
    await signInFully(t, old, 'forgetful', 'forgetful@example.jp', password);
    const { token, temporaryPassword, res } = await requestReset('Forgetful', 'forgetful@example.jp', 3);
    const unknown = await t.request('/api/password-resets', json('POST', { loginId: 'nobody-at-all' }));
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await res.json());

    const [row] = await t.ctx.db
      .select()
      .from(memberPasswordResets)
      .where(eq(memberPasswordResets.memberId, memberId));
    expect(row!.tokenHash).not.toBe(token);
    expect(row!.temporaryPasswordHash).not.toContain(temporaryPassword);

    const complete = (body: Record<string, string>) =>
      t.request('/api/password-resets/complete', json('POST', body));
    const newPassword = 'Fresh-Start2026!';
    const tokenOnly = await complete({ token, temporaryPassword: 'AAAA-BBBB-CCCC-DDDD', newPassword });
    expect(tokenOnly.status).toBe(410);
    const tempOnly = await complete({ token: 'x'.repeat(43), temporaryPassword, newPassword });
    expect(tempOnly.status).toBe(410);
    expect((await answer(tokenOnly)).body).toEqual((await answer(tempOnly)).body);
    expect((await answer(await complete({ token, temporaryPassword, newPassword: 'weak' }))).status).toBe(
      422,
    );

    const done = await complete({ token, temporaryPassword, newPassword });
    expect(done.status).toBe(200);
    const again = await complete({ token, temporaryPassword, newPassword: 'Another-One2026!' });
    expect(again.status).toBe(410);
    expect((await again.json()).code).toBe('password_reset_invalid');

    expect((await old.send('/api/mypage/me', 'GET')).status).toBe(401);
    expect((await signInAttempt('forgetful', password)).status).toBe(401);
    expect((await signInAttempt('forgetful', newPassword)).status).toBe(202);
    const mails = await mailTo(t, 'forgetful@example.jp', 7);
    expect(mails.map((m) => m.subject)).toContain('【keiyaku デモストア】パスワードが変更されました');
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, memberId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'member.password_reset_requested',
        'member.password_reset_failed',
        'member.password_reset',
      ]),
    );
  });

  it('expires the link after 30 minutes', async () => {
    await registerAndConfirm(t, 'slowpoke', 'slowpoke@example.jp', password);
    const { token, temporaryPassword } = await requestReset('slowpoke', 'slowpoke@example.jp', 2);
    advanceMinutes(t, 30.05);
    const late = await t.request(
      '/api/password-resets/complete',
      json('POST', { token, temporaryPassword, newPassword: 'Fresh-Start2026!' }),
    );
    expect(late.status).toBe(410);
    expect((await signInAttempt('slowpoke', password)).status).toBe(202);
  });
});

describe('forgotten login ID', () => {
  it('mails every login ID of the address, and answers the same for an unknown address', async () => {
    await registerAndConfirm(t, 'twin-1', 'twins@example.jp', password);
    await registerAndConfirm(t, 'twin-2', 'twins@example.jp', password);
    const known = await t.request('/api/login-id-reminders', json('POST', { email: 'Twins@example.jp' }));
    const unknown = await t.request('/api/login-id-reminders', json('POST', { email: 'none@example.jp' }));
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    const reminder = (await mailTo(t, 'twins@example.jp', 5)).at(-1)!;
    expect(reminder.subject).toBe('【keiyaku デモストア】ログインIDのお知らせ');
    expect(reminder.text).toContain('twin-1');
    expect(reminder.text).toContain('twin-2');
    expect(await mailsNow(t, 'none@example.jp')).toEqual([]);
  });
});

describe('backup codes', () => {
  it('are shown after the password, work once each, and regenerating kills the old ones', async () => {
    const memberId = await registerAndConfirm(t, 'backup-user', 'backup@example.jp', password);
    const me = new Browser(t);
    await signInFully(t, me, 'backup-user', 'backup@example.jp', password);

    const refused = await me.send('/api/mypage/backup-codes/reveal', 'POST', { password: wrong });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('password_incorrect');
    const revealed = await me.send('/api/mypage/backup-codes/reveal', 'POST', { password });
    expect(revealed.status).toBe(200);
    const { codes } = (await revealed.json()) as { codes: { code: string; used: boolean }[] };
    expect(codes).toHaveLength(10);
    expect(new Set(codes.map((c) => c.code)).size).toBe(10);
    expect(codes.every((c) => !c.used)).toBe(true);
    const stored = await t.ctx.db
      .select()
      .from(memberBackupCodes)
      .where(eq(memberBackupCodes.memberId, memberId));
    for (const row of stored) {
      for (const c of codes) expect(row.ciphertext).not.toContain(c.code.replace('-', ''));
    }

    const first = new Browser(t);
    expect((await first.send('/api/sessions', 'POST', { loginId: 'backup-user', password })).status).toBe(
      202,
    );
    const used = await first.send('/api/sessions/verify-backup-code', 'POST', {
      code: codes[0]!.code.toUpperCase(),
    });
    expect(used.status).toBe(200);
    expect(await used.json()).toEqual({ status: 'signed_in', memberId });
    expect((await first.send('/api/mypage/me', 'GET')).status).toBe(200);

    const second = new Browser(t);
    expect((await second.send('/api/sessions', 'POST', { loginId: 'backup-user', password })).status).toBe(
      202,
    );
    const reused = await second.send('/api/sessions/verify-backup-code', 'POST', { code: codes[0]!.code });
    expect(reused.status).toBe(401);
    expect((await reused.json()).code).toBe('invalid_backup_code');
    expect((await second.send('/api/mypage/me', 'GET')).status).toBe(401);
    expect(
      (await second.send('/api/sessions/verify-backup-code', 'POST', { code: codes[1]!.code })).status,
    ).toBe(200);

    const after = await me.send('/api/mypage/backup-codes/reveal', 'POST', { password });
    const flags = ((await after.json()) as { codes: { used: boolean }[] }).codes.map((c) => c.used);
    expect(flags.slice(0, 3)).toEqual([true, true, false]);

    const regenerated = await me.send('/api/mypage/backup-codes/regenerate', 'POST', { password });
    expect(regenerated.status).toBe(200);
    const fresh = ((await regenerated.json()) as { codes: { code: string }[] }).codes;
    const third = new Browser(t);
    expect((await third.send('/api/sessions', 'POST', { loginId: 'backup-user', password })).status).toBe(
      202,
    );
    expect(
      (await third.send('/api/sessions/verify-backup-code', 'POST', { code: codes[2]!.code })).status,
    ).toBe(401);
    expect(
      (await third.send('/api/sessions/verify-backup-code', 'POST', { code: fresh[0]!.code })).status,
    ).toBe(200);
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, memberId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'member.backup_codes_reveal_refused',
        'member.backup_codes_issued',
        'member.backup_codes_revealed',
        'member.backup_codes_regenerated',
      ]),
    );
  });

  it('asks for a pending sign-in first', async () => {
    const res = await t.request('/api/sessions/verify-backup-code', json('POST', { code: 'abcde-fghjk' }));
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('sign_in_not_pending');
  });
});
