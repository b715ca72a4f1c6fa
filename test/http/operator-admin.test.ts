// Operator lockout, unlocks and second-factor resets after a recorded identity check, and the owner's operator management.
import { createHmac } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, identityChecks } from '../../src/db/schema/audit.js';
import { authSession, memberBackupCodes, members } from '../../src/db/schema/identity.js';
import { operatorLoginLockouts, operatorSession } from '../../src/db/schema/operators.js';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import { createOperator, type OperatorRole } from '../../src/modules/operators/index.js';
import { updateStoreSettings } from '../../src/modules/store/index.js';
import { advanceMinutes, codeIn, travel } from '../helpers/member-browser.js';
import { Browser, mailTo, registerAndSignIn } from '../helpers/member-session.js';
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

const password = 'Adm1n-pass-2026!';
const wrong = 'Wrong-pass-2026!';
const ua = { 'user-agent': 'Mozilla/5.0 (keiyaku test) Firefox/140.0' };
const check = { method: 'phone_callback', note: '登録電話番号へ折り返し、登録住所と生年月日を確認' } as const;

async function setLockout(patch: Record<string, unknown>) {
  await updateStoreSettings(t.ctx.db, { patch, actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
}

async function newOperator(loginId: string, roles: OperatorRole[]): Promise<string> {
  const created = await createOperator(t.ctx.db, {
    loginId,
    displayName: `${loginId} さん`,
    email: `${loginId.toLowerCase()}@staff.example.jp`,
    roles,
    password,
    actor: { kind: 'cli', id: 'test' },
    now: t.clock.now(),
  });
  return created.operatorId;
}

async function mailCount(to: string): Promise<number> {
  return (await listDevMailbox(t.ctx.db, 500)).filter((m) => m.to === to).length;
}

/** Signs an existing operator in with the password and the mailed code. */
async function signIn(loginId: string, pass = password): Promise<Browser> {
  const browser = new Browser(t);
  const email = `${loginId.toLowerCase()}@staff.example.jp`;
  const before = await mailCount(email);
  const res = await browser.send('/api/admin/sessions', 'POST', { loginId, password: pass }, ua);
  expect(res.status).toBe(202);
  const mail = (await mailTo(t, email, before + 1)).at(-1)!;
  const verified = await browser.send(
    '/api/admin/sessions/verify-code',
    'POST',
    { code: codeIn(mail.text) },
    ua,
  );
  expect(verified.status).toBe(200);
  return browser;
}

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as in operators.test.ts. */
function totp(key: Buffer, at: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

async function problem(res: Response): Promise<[number, string]> {
  return [res.status, ((await res.json()) as { code: string }).code];
}

const attempt = (loginId: string, pass: string) =>
  new Browser(t).send('/api/admin/sessions', 'POST', { loginId, password: pass }, ua);

describe('operator lockout (the store setting members have)', () => {
  it('locks after 5 failures, known and unknown IDs alike, mails the operator, refuses the right password, lifts after 10 minutes', async () => {
    await setLockout({ lockoutMode: 'auto', lockoutThreshold: 5, lockoutMinutes: 10 });
    await newOperator('lock.auto', ['support']);
    for (let i = 0; i < 3; i++) {
      expect(await problem(await attempt('lock.auto', wrong))).toEqual([401, 'invalid_credentials']);
      expect(await problem(await attempt('ghost.auto', wrong))).toEqual([401, 'invalid_credentials']);
    }
    const lastTry = (await (await attempt('lock.auto', wrong)).json()) as { code: string; detail: string };
    expect(lastTry.code).toBe('invalid_credentials');
    expect(lastTry.detail).toBe(
      'ログインIDまたはパスワードが正しくありません。あと1回失敗するとロックされます。',
    );
    expect(await problem(await attempt('ghost.auto', wrong))).toEqual([401, 'invalid_credentials']);
    const known = await attempt('LOCK.auto', wrong);
    const unknown = await attempt('ghost.auto', wrong);
    const knownBody = (await known.json()) as Record<string, unknown>;
    const unknownBody = (await unknown.json()) as Record<string, unknown>;
    expect([known.status, knownBody.code]).toEqual([423, 'login_locked']);
    expect(knownBody.detail).toBe(unknownBody.detail);
    expect(knownBody.title).toBe(unknownBody.title);
    expect(unknown.status).toBe(423);

    const [lockMail] = await mailTo(t, 'lock.auto@staff.example.jp', 1);
    expect(lockMail!.subject).toBe('【keiyaku デモストア】管理画面のログインIDがロックされました');
    expect(lockMail!.text).toContain('管理画面のログインID lock.auto をロックしました。');
    expect(lockMail!.text).toContain('ロックは10分後に自動で解除されます。');

    // The right password during the lock is neither used nor revealed, and sends no code.
    const before = await mailCount('lock.auto@staff.example.jp');
    expect(await problem(await attempt('lock.auto', password))).toEqual([423, 'login_locked']);
    advanceMinutes(t, 9);
    expect(await problem(await attempt('lock.auto', password))).toEqual([423, 'login_locked']);
    expect(await mailCount('lock.auto@staff.example.jp')).toBe(before);
    advanceMinutes(t, 1);
    await signIn('lock.auto');

    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'operator_login_id.locked'));
    expect(audit.map((a) => [a.targetType, a.userAgent])).toEqual(
      expect.arrayContaining([
        ['operator', ua['user-agent']],
        ['operator_login_id', ua['user-agent']],
      ]),
    );
  });

  it('counts wrong sign-in codes, and a completed sign-in starts the count again', async () => {
    await setLockout({ lockoutMode: 'auto', lockoutThreshold: 3, lockoutMinutes: 10 });
    await newOperator('code.guess', ['support']);
    expect(await problem(await attempt('code.guess', wrong))).toEqual([401, 'invalid_credentials']);
    await signIn('code.guess');
    const [afterSignIn] = await t.ctx.db
      .select()
      .from(operatorLoginLockouts)
      .where(eq(operatorLoginLockouts.loginIdKey, 'code.guess'));
    expect(afterSignIn).toBeUndefined();

    const browser = new Browser(t);
    expect(
      (await browser.send('/api/admin/sessions', 'POST', { loginId: 'code.guess', password })).status,
    ).toBe(202);
    expect(
      await problem(await browser.send('/api/admin/sessions/verify-code', 'POST', { code: '000000' })),
    ).toEqual([401, 'invalid_code']);
    expect(
      await problem(await browser.send('/api/admin/sessions/verify-code', 'POST', { code: '000001' })),
    ).toEqual([401, 'invalid_code']);
    expect(
      await problem(await browser.send('/api/admin/sessions/verify-code', 'POST', { code: '000002' })),
    ).toEqual([423, 'login_locked']);
    // Even the right code is refused now.
    const mails = await mailTo(t, 'code.guess@staff.example.jp', 3);
    expect(mails.at(-1)!.subject).toBe('【keiyaku デモストア】管理画面のログインIDがロックされました');
    const code = codeIn(mails.at(-2)!.text);
    expect(code).toMatch(/^\d{6}$/);
    expect(await problem(await browser.send('/api/admin/sessions/verify-code', 'POST', { code }))).toEqual([
      423,
      'login_locked',
    ]);
    advanceMinutes(t, 10);
    await setLockout({ lockoutThreshold: 5 });
  });

  it('stays locked in operator mode until an owner unlocks it with an identity check', async () => {
    await setLockout({ lockoutMode: 'operator', lockoutThreshold: 5 });
    const lockedId = await newOperator('lock.manual', ['billing']);
    await newOperator('owner.unlock', ['owner']);
    await newOperator('support.unlock', ['support']);
    for (let i = 0; i < 5; i++) await attempt('lock.manual', wrong);
    const locked = await attempt('lock.manual', password);
    expect(await locked.json()).toMatchObject({
      code: 'login_locked',
      detail:
        'ログインに続けて失敗したため、この管理者ログインIDはロックされています。解除はオーナー権限の管理者に依頼してください。',
    });
    const [mail] = await mailTo(t, 'lock.manual@staff.example.jp', 1);
    expect(mail!.text).toContain('解除は、本人確認のうえオーナー権限の管理者が行います。');
    advanceMinutes(t, 60 * 24);
    expect(await problem(await attempt('lock.manual', password))).toEqual([423, 'login_locked']);

    const owner = await signIn('owner.unlock');
    const support = await signIn('support.unlock');
    const listed = (await (await owner.send('/api/admin/operators', 'GET')).json()) as {
      operators: { id: string; lock: { lockedUntil: string | null } | null }[];
    };
    expect(listed.operators.find((o) => o.id === lockedId)?.lock).toMatchObject({ lockedUntil: null });

    const path = `/api/admin/operators/${lockedId}/unlock`;
    expect(await problem(await support.send(path, 'POST', { identityCheck: check }))).toEqual([
      403,
      'operator_forbidden',
    ]);
    const missing = await owner.send(path, 'POST', {});
    expect(await problem(missing)).toEqual([422, 'validation_failed']);
    const blankNote = await owner.send(path, 'POST', { identityCheck: { method: 'document', note: '  ' } });
    expect(await problem(blankNote)).toEqual([422, 'validation_failed']);
    expect(await problem(await attempt('lock.manual', password))).toEqual([423, 'login_locked']);

    expect((await owner.send(path, 'POST', { identityCheck: check }, ua)).status).toBe(204);
    expect(await problem(await owner.send(path, 'POST', { identityCheck: check }))).toEqual([
      409,
      'login_not_locked',
    ]);
    await signIn('lock.manual');

    const [ownerAudit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'operator_login_id.unlocked'), eq(auditLog.targetId, lockedId)));
    expect(ownerAudit).toMatchObject({
      actorKind: 'operator',
      targetType: 'operator',
      userAgent: ua['user-agent'],
      before: { loginIdKey: 'lock.manual', failedCount: 5 },
    });
    expect(ownerAudit!.requestId).not.toBeNull();
    const [stored] = await t.ctx.db
      .select()
      .from(identityChecks)
      .where(eq(identityChecks.subjectId, lockedId));
    expect(stored).toMatchObject({
      purpose: 'operator.unlock',
      subjectType: 'operator',
      method: 'phone_callback',
      note: check.note,
      auditId: ownerAudit!.id,
    });
    expect(ownerAudit!.after).toMatchObject({ identityCheck: { id: stored!.id, method: 'phone_callback' } });
    await setLockout({ lockoutMode: 'auto' });
  });
});

describe('member unlock and second-factor reset from the admin console', () => {
  let support: Browser;
  beforeAll(async () => {
    await newOperator('support.members', ['support']);
    support = await signIn('support.members');
  });

  const memberAttempt = (loginId: string, pass: string) =>
    new Browser(t).send('/api/sessions', 'POST', { loginId, password: pass });

  it('unlocks a locked member after an identity check; the lock shows on the member record', async () => {
    await setLockout({ lockoutMode: 'operator', lockoutThreshold: 5 });
    const { memberId } = await registerAndSignIn(t, {
      loginId: 'locked.member',
      name: '鍵 太郎',
      email: 'locked.member@example.jp',
    });
    for (let i = 0; i < 5; i++) await memberAttempt('locked.member', wrong);
    expect(await problem(await memberAttempt('locked.member', 'Kei-yaku2026!'))).toEqual([
      423,
      'login_locked',
    ]);

    const record = await (await support.send(`/api/admin/members/${memberId}`, 'GET')).json();
    expect(record).toMatchObject({
      lock: { failedCount: 5, lockedAt: expect.any(String), lockedUntil: null },
      secondFactor: { channel: 'email', unusedBackupCodes: 0 },
      profile: { phone: '+81312345678', prefecture: '東京都' },
      consents: expect.arrayContaining([
        { kind: 'terms', version: '2026-04-01', agreedAt: expect.any(String) },
        { kind: 'privacy', version: '2026-04-01', agreedAt: expect.any(String) },
      ]),
    });

    const path = `/api/admin/members/${memberId}/unlock`;
    expect(
      await problem(await support.send(path, 'POST', { identityCheck: { method: 'fax', note: 'x' } })),
    ).toEqual([422, 'validation_failed']);
    expect(
      await problem(
        await support.send('/api/admin/members/mem_unknown/unlock', 'POST', { identityCheck: check }),
      ),
    ).toEqual([404, 'member_not_found']);
    expect((await support.send(path, 'POST', { identityCheck: check }, ua)).status).toBe(204);
    expect(await problem(await support.send(path, 'POST', { identityCheck: check }))).toEqual([
      409,
      'login_not_locked',
    ]);
    expect((await memberAttempt('locked.member', 'Kei-yaku2026!')).status).toBe(202);
    expect(await (await support.send(`/api/admin/members/${memberId}`, 'GET')).json()).toMatchObject({
      lock: null,
      failedSignIns: 0,
    });

    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login_id.unlocked'), eq(auditLog.targetId, memberId)));
    expect(entry).toMatchObject({ actorKind: 'operator', userAgent: ua['user-agent'] });
    const [stored] = await t.ctx.db
      .select()
      .from(identityChecks)
      .where(eq(identityChecks.auditId, entry!.id));
    expect(stored).toMatchObject({ purpose: 'member.unlock', subjectType: 'member', subjectId: memberId });
  });

  it('unlocks a login ID typed by the operator, also one no member holds, and says which member holds it', async () => {
    for (let i = 0; i < 5; i++) await memberAttempt('Nobody.Here', wrong);
    expect(await problem(await memberAttempt('nobody.here', wrong))).toEqual([423, 'login_locked']);
    const unlocked = await support.send('/api/admin/login-ids/unlock', 'POST', {
      loginId: 'ＮＯＢＯＤＹ.here',
      identityCheck: { method: 'other', note: 'お問い合わせ Q2026-000001 への回答として' },
    });
    expect(unlocked.status).toBe(200);
    expect(await unlocked.json()).toEqual({ loginIdKey: 'nobody.here', memberId: null });
    expect(await problem(await memberAttempt('nobody.here', wrong))).toEqual([401, 'invalid_credentials']);
    const again = await support.send('/api/admin/login-ids/unlock', 'POST', {
      loginId: 'nobody.here',
      identityCheck: check,
    });
    expect(await problem(again)).toEqual([409, 'login_not_locked']);
    const [stored] = await t.ctx.db
      .select()
      .from(identityChecks)
      .where(eq(identityChecks.subjectId, 'nobody.here'));
    expect(stored).toMatchObject({ subjectType: 'login_id', method: 'other' });
    await setLockout({ lockoutMode: 'auto' });
  });

  it('resets the second factor: email at the registered address, backup codes revoked, sessions ended, member mailed', async () => {
    const { memberId, browser } = await registerAndSignIn(t, {
      loginId: 'lost.phone',
      name: '電話 なくし',
      email: 'lost.phone@example.jp',
    });
    const reveal = await browser.send('/api/mypage/backup-codes/reveal', 'POST', {
      password: 'Kei-yaku2026!',
    });
    expect(reveal.status).toBe(200);
    await t.ctx.db
      .update(members)
      .set({ secondFactorChannel: 'sms', mobilePhone: '+819012345678' })
      .where(eq(members.id, memberId));
    expect((await browser.send('/api/mypage/me', 'GET')).status).toBe(200);

    const path = `/api/admin/members/${memberId}/second-factor/reset`;
    expect(await problem(await support.send(path, 'POST', {}))).toEqual([422, 'validation_failed']);
    expect(
      await problem(await support.send(path, 'POST', { identityCheck: { method: 'document' } })),
    ).toEqual([422, 'validation_failed']);
    const reset = await support.send(
      path,
      'POST',
      {
        identityCheck: { method: 'document', note: '運転免許証の写しで氏名・住所を照合' },
      },
      ua,
    );
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ backupCodesRevoked: 10, sessionsEnded: 1 });

    const [member] = await t.ctx.db.select().from(members).where(eq(members.id, memberId));
    expect(member!.secondFactorChannel).toBe('email');
    expect(
      await t.ctx.db.select().from(memberBackupCodes).where(eq(memberBackupCodes.memberId, memberId)),
    ).toEqual([]);
    expect(await t.ctx.db.select().from(authSession).where(eq(authSession.userId, memberId))).toEqual([]);
    expect(await problem(await browser.send('/api/mypage/me', 'GET'))).toEqual([401, 'not_signed_in']);

    // Confirmation, "registration complete", the sign-in code, then the notice.
    const mails = await mailTo(t, 'lost.phone@example.jp', 4);
    const notice = mails.at(-1)!;
    expect(notice.subject).toBe('【keiyaku デモストア】2段階認証の設定をリセットしました');
    expect(notice.text).toContain('今後の確認コードは、メールで lost.phone@example.jp へお送りします。');
    expect(notice.text).toContain('バックアップコードは無効になり、すべてのブラウザからログアウトしました。');

    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.second_factor_reset'), eq(auditLog.targetId, memberId)));
    expect(entry).toMatchObject({
      actorKind: 'operator',
      userAgent: ua['user-agent'],
      before: { secondFactorChannel: 'sms', backupCodes: 10 },
      after: {
        secondFactorChannel: 'email',
        backupCodesRevoked: 10,
        sessionsEnded: 1,
        identityCheck: { method: 'document', note: '運転免許証の写しで氏名・住所を照合' },
      },
    });
    const [stored] = await t.ctx.db
      .select()
      .from(identityChecks)
      .where(eq(identityChecks.auditId, entry!.id));
    expect(stored).toMatchObject({ purpose: 'member.second_factor_reset', subjectId: memberId });
  });

  it('finds members by login ID, name, company, email and phone (as people write it)', async () => {
    const search = async (q: string) =>
      (
        (await (await support.send(`/api/admin/members?q=${encodeURIComponent(q)}`, 'GET')).json()) as {
          items: { loginId: string }[];
        }
      ).items.map((m) => m.loginId);
    await registerAndSignIn(t, { loginId: 'find.me', name: '検索 花子', email: 'find.me@example.jp' });
    await t.ctx.db
      .update(members)
      .set({ companyName: '株式会社サーチ', phone: '+81612345678', mobilePhone: '+818011112222' })
      .where(eq(members.loginId, 'find.me'));
    expect(await search('FIND.ME')).toEqual(['find.me']);
    expect(await search('検索')).toEqual(['find.me']);
    expect(await search('サーチ')).toEqual(['find.me']);
    expect(await search('find.me@example')).toEqual(['find.me']);
    expect(await search('06-1234-5678')).toEqual(['find.me']);
    expect(await search('080-1111-2222')).toEqual(['find.me']);
    expect(await search('０８０１１１１２２２２')).toEqual(['find.me']);
  });
});

describe("the owner's operator management", () => {
  let owner: Browser;
  let ownerId: string;
  beforeAll(async () => {
    ownerId = await newOperator('only.owner', ['owner']);
    owner = await signIn('only.owner');
  });

  it('creates an operator with a temporary password shown once, who then signs in with it and a mailed code', async () => {
    const res = await owner.send('/api/admin/operators', 'POST', {
      loginId: 'New.Staff',
      displayName: '新人 スタッフ',
      email: 'new.staff@staff.example.jp',
      roles: ['support', 'catalog'],
      locale: 'en',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const created = (await res.json()) as { operator: Record<string, unknown>; temporaryPassword: string };
    expect(created.operator).toMatchObject({
      loginId: 'New.Staff',
      roles: ['support', 'catalog'],
      status: 'active',
      totpEnabled: false,
      lock: null,
      locale: 'en',
    });
    expect(created.temporaryPassword).toMatch(/^.{20}$/);
    await signIn('new.staff', created.temporaryPassword);

    const taken = await owner.send('/api/admin/operators', 'POST', {
      loginId: 'NEW.staff',
      displayName: 'x',
      email: 'x@staff.example.jp',
      roles: ['support'],
    });
    expect(await problem(taken)).toEqual([409, 'operator_login_id_taken']);
    const invalid = await owner.send('/api/admin/operators', 'POST', {
      loginId: 'a b',
      displayName: '',
      email: 'not-mail',
      roles: ['support'],
    });
    expect(invalid.status).toBe(422);
    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'operator.created'), eq(auditLog.actorId, ownerId)));
    expect(JSON.stringify(entry)).not.toContain(created.temporaryPassword);
  });

  it('changes roles, and never demotes or disables the last active owner (409)', async () => {
    const staffId = await newOperator('role.change', ['support']);
    const staff = await signIn('role.change');
    expect((await staff.send('/api/admin/mailbox', 'GET')).status).toBe(200);
    const changed = await owner.send(`/api/admin/operators/${staffId}/roles`, 'PUT', { roles: ['catalog'] });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ roles: ['catalog'] });
    // The open session feels the new roles at once.
    expect(await problem(await staff.send('/api/admin/mailbox', 'GET'))).toEqual([403, 'operator_forbidden']);
    expect(
      await problem(await owner.send(`/api/admin/operators/${staffId}/roles`, 'PUT', { roles: [] })),
    ).toEqual([422, 'validation_failed']);

    // Every other owner in this file's database is disabled first, so only.owner is the last one.
    const listed = (await (await owner.send('/api/admin/operators', 'GET')).json()) as {
      operators: { id: string; roles: string[]; status: string }[];
    };
    for (const o of listed.operators) {
      if (o.id !== ownerId && o.roles.includes('owner') && o.status === 'active') {
        expect((await owner.send(`/api/admin/operators/${o.id}/disable`, 'POST', {})).status).toBe(200);
      }
    }
    expect(
      await problem(await owner.send(`/api/admin/operators/${ownerId}/roles`, 'PUT', { roles: ['support'] })),
    ).toEqual([409, 'last_owner']);
    expect(await problem(await owner.send(`/api/admin/operators/${ownerId}/disable`, 'POST', {}))).toEqual([
      409,
      'last_owner',
    ]);
    // With a second owner, the first may step down.
    await owner.send(`/api/admin/operators/${staffId}/roles`, 'PUT', { roles: ['owner'] });
    expect(
      (await owner.send(`/api/admin/operators/${ownerId}/roles`, 'PUT', { roles: ['owner', 'support'] }))
        .status,
    ).toBe(200);
    expect(
      (await owner.send(`/api/admin/operators/${staffId}/roles`, 'PUT', { roles: ['support'] })).status,
    ).toBe(200);

    const entries = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'operator.roles_changed'), eq(auditLog.targetId, staffId)))
      .orderBy(asc(auditLog.id));
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [{ roles: ['support'] }, { roles: ['catalog'] }],
      [{ roles: ['catalog'] }, { roles: ['owner'] }],
      [{ roles: ['owner'] }, { roles: ['support'] }],
    ]);
  });

  it('disables an operator (its sessions end at once) and enables it again', async () => {
    const leaverId = await newOperator('leaver.two', ['support']);
    const leaver = await signIn('leaver.two');
    const disabled = await owner.send(
      `/api/admin/operators/${leaverId}/disable`,
      'POST',
      { reason: '退職' },
      ua,
    );
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toEqual({ sessionsEnded: 1 });
    expect(await t.ctx.db.select().from(operatorSession).where(eq(operatorSession.userId, leaverId))).toEqual(
      [],
    );
    expect(await problem(await leaver.send('/api/admin/me', 'GET'))).toEqual([401, 'operator_not_signed_in']);
    expect(await problem(await attempt('leaver.two', password))).toEqual([401, 'invalid_credentials']);
    expect(await problem(await owner.send(`/api/admin/operators/${leaverId}/disable`, 'POST', {}))).toEqual([
      409,
      'operator_already_disabled',
    ]);
    expect((await owner.send(`/api/admin/operators/${leaverId}/enable`, 'POST', {})).status).toBe(204);
    await signIn('leaver.two');
    const actions = await t.ctx.db
      .select({ action: auditLog.action, reason: auditLog.reason, userAgent: auditLog.userAgent })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, leaverId), eq(auditLog.actorId, ownerId)))
      .orderBy(asc(auditLog.id));
    expect(actions).toEqual([
      { action: 'operator.disabled', reason: '退職', userAgent: ua['user-agent'] },
      { action: 'operator.enabled', reason: null, userAgent: null },
    ]);
  });

  it("resets an operator's authenticator app after an identity check; the next sign-in asks for a mailed code", async () => {
    const appUserId = await newOperator('app.user', ['catalog']);
    const appUser = await signIn('app.user');
    const started = await appUser.send('/api/admin/me/totp', 'POST', { password });
    const { totpUri } = (await started.json()) as { totpUri: string };
    expect(totpUri).toMatch(/^otpauth:\/\/totp\/keiyaku%20admin:app\.user\?/);
    const code = totp(base32Decode(new URL(totpUri).searchParams.get('secret')!), Date.now());
    expect((await appUser.send('/api/admin/me/totp/confirm', 'POST', { code })).status).toBe(204);

    const path = `/api/admin/operators/${appUserId}/totp/reset`;
    expect(await problem(await owner.send(path, 'POST', {}))).toEqual([422, 'validation_failed']);
    expect((await owner.send(path, 'POST', { identityCheck: check })).status).toBe(204);
    expect(await problem(await owner.send(path, 'POST', { identityCheck: check }))).toEqual([
      409,
      'totp_not_enabled',
    ]);
    expect(await problem(await appUser.send('/api/admin/me', 'GET'))).toEqual([
      401,
      'operator_not_signed_in',
    ]);
    const mails = await mailTo(t, 'app.user@staff.example.jp', 2);
    expect(mails.at(-1)!.subject).toBe('【keiyaku デモストア】認証アプリの登録を解除しました');
    const res = await attempt('app.user', password);
    expect(await res.json()).toEqual({ status: 'second_factor_required', method: 'email' });
    const [stored] = await t.ctx.db
      .select()
      .from(identityChecks)
      .where(eq(identityChecks.subjectId, appUserId));
    expect(stored).toMatchObject({ purpose: 'operator.totp_reset', method: 'phone_callback' });
  });

  it('answers 404 for an unknown operator id', async () => {
    expect(await problem(await owner.send('/api/admin/operators/opr_unknown/disable', 'POST', {}))).toEqual([
      404,
      'operator_not_found',
    ]);
  });
});

describe('the dev mailbox', () => {
  it('opens one mail by id, also one beyond the newest page, and answers 404 for an unknown id', async () => {
    await newOperator('mail.reader', ['support']);
    const reader = await signIn('mail.reader');
    const [oldest] = await mailTo(t, 'mail.reader@staff.example.jp', 1);
    const res = await reader.send(`/api/admin/mailbox/${oldest!.id}`, 'GET');
    expect(res.status).toBe(200);
    // The oldest is the reader's own sign-in code: support may see that it was sent, not the code.
    expect(await res.json()).toEqual({
      id: oldest!.id,
      messageId: oldest!.messageId,
      template: 'operator-sign-in-code',
      from: oldest!.from,
      to: 'mail.reader@staff.example.jp',
      subject: oldest!.subject,
      text: null,
      withheld: true,
      deliveredAt: oldest!.deliveredAt.toISOString(),
    });
    expect(await problem(await reader.send('/api/admin/mailbox/mail_unknown', 'GET'))).toEqual([
      404,
      'not_found',
    ]);
  });
});
