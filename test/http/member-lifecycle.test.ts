// Registration review and withdrawal end to end: the review setting, the operators' queue, sign-in refusals, withdrawal and its blockers, the mails.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { authAccount, authSession, authUser, memberConsents, members } from '../../src/db/schema/identity.js';
import { outbox } from '../../src/db/schema/notifications.js';
import type { RunningWorker } from '../../src/jobs/worker.js';
import { anonymiseDueMembers } from '../../src/modules/identity/auth-index.js';
import { updateStoreSettings } from '../../src/modules/store/index.js';
import { codeIn, json, mailsNow, mailTo, travel } from '../helpers/member-browser.js';
import { Browser, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { fullRegistration, TEST_PASSWORD } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let owner: SignedInOperator;
let support: SignedInOperator;
let worker: RunningWorker;

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2026-04-01T09:00:00+09:00');
  // The timer would sweep only hourly: the test asks for the sweep itself after moving the clock.
  ({ worker } = await t.startWorker({ sweepIntervalMs: 3_600_000 }));
  owner = await operatorSignedIn(t, 'life-owner', ['owner']);
  support = await operatorSignedIn(t, 'life-support', ['support']);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const signatureJa = [
  '―――――――――――――――――',
  'keiyaku デモストア',
  'http://127.0.0.1:3000',
  'support@keiyaku.invalid',
  '03-1234-5678',
  '受付時間: 平日 9:00〜18:00（土日祝・年末年始を除く）',
  '',
].join('\n');
const signatureEn = signatureJa.replace('受付時間:', 'Hours:');
const wrong = 'Wrong-pass123!';

let operators = 0;
/** A support operator signed in now: operator sessions last a day, and these tests travel further. */
async function supportNow(): Promise<SignedInOperator> {
  operators += 1;
  return operatorSignedIn(t, `life-support-${operators}`, ['support']);
}

async function setStore(patch: Record<string, unknown>) {
  await updateStoreSettings(t.ctx.db, { patch, actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
}

/** The problem body without what differs per request. */
async function answer(res: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body: { ...body, requestId: null, instance: null } };
}

/** Registers through the form and spends the confirmation link; returns the id and the confirmation answer. */
async function registerAndConfirm(
  loginId: string,
  email: string,
  locale: 'ja' | 'en' = 'ja',
): Promise<{ memberId: string; confirmed: { status: string } }> {
  const before = (await mailsNow(t, email)).length;
  const res = await t.request('/api/members', {
    ...json('POST', fullRegistration({ loginId, email, name: '山田 花子' })),
    headers: { 'content-type': 'application/json', 'accept-language': locale },
  });
  expect(res.status).toBe(201);
  const { memberId } = (await res.json()) as { memberId: string };
  const mail = (await mailTo(t, email, before + 1)).at(-1)!;
  const token = decodeURIComponent(/\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]!);
  const confirmed = await t.request('/api/members/confirm-email', json('POST', { token }));
  expect(confirmed.status).toBe(200);
  return { memberId, confirmed: (await confirmed.json()) as { status: string } };
}

const signInAttempt = (loginId: string, password: string) =>
  t.request('/api/sessions', json('POST', { loginId, password }));

async function statusOf(memberId: string): Promise<string | undefined> {
  const [row] = await t.ctx.db
    .select({ status: members.status })
    .from(members)
    .where(eq(members.id, memberId));
  return row?.status;
}

async function auditOf(memberId: string, action: string) {
  return t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, memberId), eq(auditLog.action, action)));
}

describe('registration review: automatic (the default)', () => {
  it('activates the member on confirmation and mails "registration complete" at once, in Japanese', async () => {
    const { memberId, confirmed } = await registerAndConfirm('auto.ja', 'auto.ja@example.jp');
    expect(confirmed).toEqual({ status: 'active' });
    expect(await statusOf(memberId)).toBe('active');
    const mail = (await mailTo(t, 'auto.ja@example.jp', 2)).at(-1)!;
    expect(mail.subject).toBe('【keiyaku デモストア】会員登録完了のお知らせ');
    expect(mail.text).toBe(
      `山田 花子 様\n\nkeiyaku デモストア への会員登録が完了しました。ログインID auto.ja とパスワードでログインしてください。ログインのたびに確認コードをお送りします。\n\nhttp://127.0.0.1:3000/login\n\n${signatureJa}`,
    );
    expect((await signInAttempt('auto.ja', TEST_PASSWORD)).status).toBe(202);
    const [audit] = await auditOf(memberId, 'member.email_confirmed');
    expect(audit).toMatchObject({ before: { status: 'unconfirmed' }, after: { status: 'active' } });
  });

  it('writes the mail in English for a member who registered in English', async () => {
    await registerAndConfirm('auto.en', 'auto.en@example.jp', 'en');
    const mail = (await mailTo(t, 'auto.en@example.jp', 2)).at(-1)!;
    expect(mail.subject).toBe('[keiyaku デモストア] Your registration is complete');
    expect(mail.text).toBe(
      `Dear 山田 花子,\n\nYour registration with keiyaku デモストア is complete. You can now sign in with your login ID auto.en and your password; a code is sent to you at every sign-in.\n\nhttp://127.0.0.1:3000/login\n\n${signatureEn}`,
    );
  });
});

describe('registration review: manual', () => {
  let pendingId: string;
  let rejectId: string;

  beforeAll(async () => {
    const patched = await owner.browser.send('/api/admin/store', 'PATCH', { registrationReview: 'manual' });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      registrationReview: 'manual',
      withdrawal: 'self-service',
      personalDataRetentionDays: 365,
    });
    pendingId = (await registerAndConfirm('review.me', 'review.me@example.jp')).memberId;
    rejectId = (await registerAndConfirm('reject.me', 'reject.me@example.jp', 'en')).memberId;
  });
  afterAll(() => setStore({ registrationReview: 'auto' }));

  it('leaves a confirmed member waiting, without the "complete" mail, and refuses sign-in with the seed wording after the right password only', async () => {
    expect(await statusOf(pendingId)).toBe('pending_review');
    // Only the confirmation mail so far.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await mailsNow(t, 'review.me@example.jp')).map((m) => m.subject)).toEqual([
      '【keiyaku デモストア】メールアドレスの確認のお願い',
    ]);
    const right = await signInAttempt('review.me', TEST_PASSWORD);
    expect(right.headers.getSetCookie()).toEqual([]);
    const refused = await answer(right);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('registration_pending_review');
    expect(refused.body.messages).toEqual({
      ja: '会員登録の審査中です。登録完了には少々お時間をいただきます（土・日・祝日・当社指定の休業日を除く）。完了しましたらメールでお知らせします。',
      en: 'Your registration is being reviewed. This takes a little time, on business days only (not on weekends, public holidays or our closure days). We will let you know by mail when it is complete.',
    });
    // A wrong password says nothing of the review: the same answer as an ID nobody holds.
    expect(await answer(await signInAttempt('review.me', wrong))).toEqual(
      await answer(await signInAttempt('nobody.here', wrong)),
    );
    // No code was mailed for the refused sign-in.
    expect(await mailsNow(t, 'review.me@example.jp')).toHaveLength(1);
  });

  it('lists the queue for support, oldest confirmation first, with the registration fields', async () => {
    const res = await support.browser.send('/api/admin/registrations?status=pending_review', 'GET');
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: Record<string, unknown>[]; total: number };
    expect(page.total).toBe(2);
    expect(page.items.map((r) => r.loginId)).toEqual(['review.me', 'reject.me']);
    expect(page.items[0]).toMatchObject({
      id: pendingId,
      name: '山田 花子',
      email: 'review.me@example.jp',
      postalCode: '100-0005',
      prefecture: '東京都',
      status: 'pending_review',
      confirmedAt: '2026-04-01T00:00:00.000Z',
      reviewedAt: null,
    });
    // The default status is the queue itself.
    expect((await (await support.browser.send('/api/admin/registrations', 'GET')).json()).total).toBe(2);
  });

  it('approves: the member becomes active, gets "registration complete", and the operator is in the audit log with address and browser', async () => {
    const res = await support.browser.send(
      `/api/admin/registrations/${pendingId}/approve`,
      'POST',
      undefined,
      {
        'user-agent': 'Mozilla/5.0 (review desk)',
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ memberId: pendingId, status: 'active' });
    expect(await statusOf(pendingId)).toBe('active');
    const mail = (await mailTo(t, 'review.me@example.jp', 2)).at(-1)!;
    expect(mail.subject).toBe('【keiyaku デモストア】会員登録完了のお知らせ');
    const [audit] = await auditOf(pendingId, 'member.registration_approved');
    expect(audit).toMatchObject({
      actorKind: 'operator',
      actorId: support.operatorId,
      before: { status: 'pending_review' },
      after: { status: 'active' },
      userAgent: 'Mozilla/5.0 (review desk)',
    });
    expect(audit?.requestId).toBeTruthy();
    const [row] = await t.ctx.db.select().from(members).where(eq(members.id, pendingId));
    expect(row?.reviewedBy).toBe(support.operatorId);
    expect((await signInAttempt('review.me', TEST_PASSWORD)).status).toBe(202);

    // Approving twice is an illegal step of the machine.
    const again = await answer(
      await support.browser.send(`/api/admin/registrations/${pendingId}/approve`, 'POST'),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('member_transition_not_allowed');
    expect(again.body.messages).toEqual({
      ja: '会員の状態を「有効」から「有効」に変更することはできません。',
      en: 'A member cannot go from "active" to "active".',
    });
  });

  it('rejects with a reason mailed in the member language; the person cannot sign in; rejecting again or approving is 409', async () => {
    const empty = await support.browser.send(`/api/admin/registrations/${rejectId}/reject`, 'POST', {
      reason: ' ',
    });
    expect(empty.status).toBe(422);
    expect(await statusOf(rejectId)).toBe('pending_review');

    const res = await support.browser.send(`/api/admin/registrations/${rejectId}/reject`, 'POST', {
      reason: 'We could not verify the address you gave.',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ memberId: rejectId, status: 'rejected' });
    const mail = (await mailTo(t, 'reject.me@example.jp', 2)).at(-1)!;
    expect(mail.subject).toBe('[keiyaku デモストア] About your registration');
    expect(mail.text).toBe(
      `Dear 山田 花子,\n\nThank you for registering with keiyaku デモストア (login ID: reject.me). After review we are unable to accept your registration, for the following reason:\n\nWe could not verify the address you gave.\n\nThe login ID cannot be used to sign in. If you have questions, please contact us via the inquiry form:\nhttp://127.0.0.1:3000/inquiry?category=other\n\n${signatureEn}`,
    );
    const [row] = await t.ctx.db.select().from(members).where(eq(members.id, rejectId));
    expect(row).toMatchObject({
      status: 'rejected',
      rejectionReason: 'We could not verify the address you gave.',
    });
    expect(row?.anonymiseDueAt?.toISOString()).toBe('2027-04-01T00:00:00.000Z');
    const [audit] = await auditOf(rejectId, 'member.registration_rejected');
    expect(audit).toMatchObject({
      actorKind: 'operator',
      actorId: support.operatorId,
      reason: 'We could not verify the address you gave.',
    });

    const refused = await answer(await signInAttempt('reject.me', TEST_PASSWORD));
    expect([refused.status, refused.body.code]).toEqual([403, 'registration_rejected']);
    expect((await answer(await signInAttempt('reject.me', wrong))).body.code).toBe('invalid_credentials');

    for (const action of ['approve', 'reject']) {
      const res2 = await support.browser.send(`/api/admin/registrations/${rejectId}/${action}`, 'POST', {
        reason: 'again',
      });
      expect([action, res2.status, (await res2.json()).code]).toEqual([
        action,
        409,
        'member_transition_not_allowed',
      ]);
    }
  });

  it('answers 404 for an unknown member', async () => {
    const res = await support.browser.send('/api/admin/registrations/mem_unknown/approve', 'POST');
    expect([res.status, (await res.json()).code]).toEqual([404, 'member_not_found']);
  });

  it('sets the mode from the command line too (the same validated settings)', async () => {
    await expect(setStore({ registrationReview: 'sometimes' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(setStore({ personalDataRetentionDays: '0' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(setStore({ personalDataRetentionDays: '3651' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('withdrawal on My Page (self-service, the default)', () => {
  it('shows nothing blocking, refuses a wrong password, then withdraws: sessions end, sign-in refused, mail, audit', async () => {
    // Signed in 20 minutes before withdrawing: well inside the 30-minute idle limit.
    travel(t, '2026-04-02T15:10:00+09:00');
    const member = await registerAndSignIn(t, {
      loginId: 'leaving.ja',
      name: '退会 太郎',
      email: 'leaving@example.jp',
    });
    const other = new Browser(t);
    // A second browser signed in too: withdrawal ends every session.
    expect(
      (await other.send('/api/sessions', 'POST', { loginId: 'leaving.ja', password: TEST_PASSWORD })).status,
    ).toBe(202);
    const code = codeIn((await mailTo(t, 'leaving@example.jp', 4)).at(-1)!.text)!;
    expect((await other.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);

    const status = await member.browser.send('/api/mypage/withdrawal', 'GET');
    expect(await status.json()).toEqual({ mode: 'self-service', reasons: [], retentionDays: 365 });

    const unconfirmed = await member.browser.send('/api/mypage/withdrawal', 'POST', {
      password: TEST_PASSWORD,
      confirm: false,
    });
    expect(unconfirmed.status).toBe(422);
    const wrongPassword = await answer(
      await member.browser.send('/api/mypage/withdrawal', 'POST', { password: wrong, confirm: true }),
    );
    expect([wrongPassword.status, wrongPassword.body.code]).toEqual([403, 'password_incorrect']);
    expect(await statusOf(member.memberId)).toBe('active');
    expect(await auditOf(member.memberId, 'member.withdrawal_refused')).toHaveLength(1);

    travel(t, '2026-04-02T15:30:00+09:00');
    const res = await member.browser.send(
      '/api/mypage/withdrawal',
      'POST',
      { password: TEST_PASSWORD, confirm: true },
      {
        'user-agent': 'Mozilla/5.0 (member)',
      },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'withdrawn' });
    expect((await member.browser.send('/api/mypage/me', 'GET')).status).toBe(401);
    expect((await other.send('/api/mypage/me', 'GET')).status).toBe(401);
    expect(await t.ctx.db.select().from(authSession).where(eq(authSession.userId, member.memberId))).toEqual(
      [],
    );

    const mail = (await mailTo(t, 'leaving@example.jp', 5)).at(-1)!;
    expect(mail.subject).toBe('【keiyaku デモストア】退会手続き完了のお知らせ');
    expect(mail.text).toBe(
      `退会 太郎 様\n\n2026-04-02 に keiyaku デモストア の退会手続き（ログインID: leaving.ja）が完了しました。今後はログインできません。ログイン中の端末・ブラウザーもすべてログアウトしています。\n\nお客様の個人情報は365日間保管したのち、匿名化します。請求書など法令で保存が義務付けられている記録は、法令の定める期間保存します。\n\nこれまでのご利用、誠にありがとうございました。退会をお申し込みでない場合は、至急お問い合わせフォームからご連絡ください。\n\n${signatureJa}`,
    );
    const [audit] = await auditOf(member.memberId, 'member.withdrawn');
    expect(audit).toMatchObject({
      actorKind: 'member',
      actorId: member.memberId,
      reason: 'self',
      before: { status: 'active' },
      after: { status: 'withdrawn', sessionsEnded: 2, anonymiseDueAt: '2027-04-02T06:30:00.000Z' },
      userAgent: 'Mozilla/5.0 (member)',
    });

    // The right password is told the account is withdrawn; a wrong one hears what any wrong password hears.
    const right = await answer(await signInAttempt('leaving.ja', TEST_PASSWORD));
    expect(right.status).toBe(403);
    expect(right.body.code).toBe('member_withdrawn');
    expect(right.body.messages).toEqual({
      ja: 'このログインIDは退会済みのため、ログインできません。再度ご利用になる場合は、新たに会員登録をしてください。',
      en: 'This login ID belongs to a membership that has been withdrawn and can no longer sign in. To use the store again, please register anew.',
    });
    expect(await answer(await signInAttempt('leaving.ja', wrong))).toEqual(
      await answer(await signInAttempt('nobody.there', wrong)),
    );
    // A login-ID reminder no longer lists an ID that cannot sign in.
    const reminder = await t.request(
      '/api/login-id-reminders',
      json('POST', { email: 'leaving@example.jp' }),
    );
    expect(reminder.status).toBe(202);
    const reminders = await t.ctx.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.template, 'member-login-id-reminder'), eq(outbox.recipient, 'leaving@example.jp')),
      );
    expect(reminders).toEqual([]);
  });

  it('writes the withdrawal mail in English for an English member', async () => {
    travel(t, '2026-04-03T10:00:00+09:00');
    const member = await registerAndSignIn(t, {
      loginId: 'leaving.en',
      name: 'Jane Doe',
      email: 'leaving.en@example.jp',
      locale: 'en',
    });
    expect(
      (
        await member.browser.send('/api/mypage/withdrawal', 'POST', {
          password: TEST_PASSWORD,
          confirm: true,
        })
      ).status,
    ).toBe(200);
    const mail = (await mailTo(t, 'leaving.en@example.jp', 4)).at(-1)!;
    expect(mail.subject).toBe('[keiyaku デモストア] Your withdrawal is complete');
    expect(mail.text).toBe(
      `Dear Jane Doe,\n\nYour membership of keiyaku デモストア (login ID: leaving.en) ended on 2026-04-03. You can no longer sign in, and every signed-in browser has been signed out.\n\nWe keep your personal data for 365 days and then anonymise it. Invoices and records we must keep by law are kept for the period the law requires.\n\nThank you for using keiyaku デモストア. If you did not ask to withdraw, please contact us at once via the inquiry form.\n\n${signatureEn}`,
    );
  });

  it('lists what blocks and refuses with 409 withdrawal_blocked while it blocks; nothing changes', async () => {
    const member = await registerAndSignIn(t, {
      loginId: 'busy.member',
      name: '契約 中子',
      email: 'busy@example.jp',
    });
    t.ctx.withdrawalBlockers.register({
      code: 'test.active_contract',
      async check(_db, memberId) {
        const blocked = memberId === member.memberId;
        return {
          blocked,
          reasons: blocked ? [{ ja: 'ご利用中の契約があります', en: 'A contract is still active' }] : [],
        };
      },
    });
    const status = await member.browser.send('/api/mypage/withdrawal', 'GET');
    expect(await status.json()).toEqual({
      mode: 'self-service',
      reasons: [{ ja: 'ご利用中の契約があります', en: 'A contract is still active' }],
      retentionDays: 365,
    });
    const refused = await answer(
      await member.browser.send('/api/mypage/withdrawal', 'POST', { password: TEST_PASSWORD, confirm: true }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('withdrawal_blocked');
    expect(refused.body.messages).toEqual({
      ja: '次の理由により退会できません: ご利用中の契約があります',
      en: 'You cannot withdraw yet: A contract is still active',
    });
    expect(await statusOf(member.memberId)).toBe('active');
    expect((await member.browser.send('/api/mypage/me', 'GET')).status).toBe(200);
    expect(await mailsNow(t, 'busy@example.jp')).toHaveLength(3);

    // The operator's withdrawal runs the same check.
    support = await supportNow();
    const byOperator = await answer(
      await support.browser.send(`/api/admin/members/${member.memberId}/withdraw`, 'POST', {
        reason: 'ご依頼',
      }),
    );
    expect([byOperator.status, byOperator.body.code]).toEqual([409, 'withdrawal_blocked']);
    const check = await support.browser.send(`/api/admin/members/${member.memberId}/withdrawal`, 'GET');
    expect(await check.json()).toEqual({
      reasons: [{ ja: 'ご利用中の契約があります', en: 'A contract is still active' }],
      retentionDays: 365,
    });
  });

  it('with withdrawal by request: the page says so and POST answers 409 withdrawal_by_request', async () => {
    await setStore({ withdrawal: 'by-request' });
    try {
      const member = await registerAndSignIn(t, {
        loginId: 'asks.to.leave',
        name: '依頼 花子',
        email: 'asks@example.jp',
      });
      expect(await (await member.browser.send('/api/mypage/withdrawal', 'GET')).json()).toEqual({
        mode: 'by-request',
        reasons: [],
        retentionDays: 365,
      });
      const refused = await answer(
        await member.browser.send('/api/mypage/withdrawal', 'POST', {
          password: TEST_PASSWORD,
          confirm: true,
        }),
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('withdrawal_by_request');
      expect(refused.body.messages).toEqual({
        ja: '退会はお問い合わせフォームからのお申し込みで承っております。お問い合わせの種類で「退会のご依頼」を選んでご連絡ください。',
        en: 'Withdrawal is by request: please contact us via the inquiry form and choose "Withdrawal request" as the category.',
      });
      expect(await statusOf(member.memberId)).toBe('active');

      // The operator carries out the request, with the reason recorded.
      support = await supportNow();
      const res = await support.browser.send(`/api/admin/members/${member.memberId}/withdraw`, 'POST', {
        reason: 'お問い合わせ Q2026-000001 による退会のご依頼',
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ memberId: member.memberId, status: 'withdrawn' });
      expect((await member.browser.send('/api/mypage/me', 'GET')).status).toBe(401);
      const [audit] = await auditOf(member.memberId, 'member.withdrawn');
      expect(audit).toMatchObject({
        actorKind: 'operator',
        actorId: support.operatorId,
        reason: 'お問い合わせ Q2026-000001 による退会のご依頼',
      });
      expect((await mailTo(t, 'asks@example.jp', 4)).at(-1)!.subject).toBe(
        '【keiyaku デモストア】退会手続き完了のお知らせ',
      );
      const again = await support.browser.send(`/api/admin/members/${member.memberId}/withdraw`, 'POST', {
        reason: 'もう一度',
      });
      expect([again.status, (await again.json()).code]).toEqual([409, 'member_transition_not_allowed']);
      const unknown = await support.browser.send('/api/admin/members/mem_unknown/withdraw', 'POST', {
        reason: 'x',
      });
      expect(unknown.status).toBe(404);
    } finally {
      await setStore({ withdrawal: 'self-service' });
    }
  });
});

describe('anonymisation after the retention period', () => {
  it('replaces the personal data once due, keeps consents and the audit log, frees the login ID, and changes nothing on a second run', async () => {
    travel(t, '2026-05-01T10:00:00+09:00');
    const member = await registerAndSignIn(t, {
      loginId: 'forget.me',
      name: '忘却 希望',
      email: 'forget@example.jp',
    });
    expect(
      (
        await member.browser.send('/api/mypage/withdrawal', 'POST', {
          password: TEST_PASSWORD,
          confirm: true,
        })
      ).status,
    ).toBe(200);
    const auditBefore = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, member.memberId));

    // A day before it is due: nothing.
    expect(
      await anonymiseDueMembers(t.ctx.db, { now: t.clock.now().add({ hours: 24 * 364 }) }),
    ).not.toContain(member.memberId);
    const [untouched] = await t.ctx.db.select().from(members).where(eq(members.id, member.memberId));
    expect(untouched?.name).toBe('忘却 希望');

    const due = t.clock.now().add({ hours: 24 * 365 });
    const first = await anonymiseDueMembers(t.ctx.db, { now: due });
    expect(first).toContain(member.memberId);
    const [row] = await t.ctx.db.select().from(members).where(eq(members.id, member.memberId));
    expect(row).toMatchObject({
      status: 'withdrawn',
      loginId: '',
      name: '',
      nameKana: '',
      email: '',
      companyName: null,
      postalCode: '',
      prefecture: '',
      city: '',
      street: '',
      building: null,
      phone: '',
      mobilePhone: null,
      marketingOptIn: false,
    });
    expect(row?.anonymisedAt?.toISOString()).toBe('2027-05-01T01:00:00.000Z');
    const [user] = await t.ctx.db.select().from(authUser).where(eq(authUser.id, member.memberId));
    expect(user).toMatchObject({ name: '', username: null, displayUsername: null });
    expect(await t.ctx.db.select().from(authAccount).where(eq(authAccount.userId, member.memberId))).toEqual(
      [],
    );
    const consents = await t.ctx.db
      .select()
      .from(memberConsents)
      .where(eq(memberConsents.memberId, member.memberId));
    expect(consents.map((c) => [c.kind, c.version, c.agreedAt.toISOString(), c.ipAddress]).sort()).toEqual([
      ['privacy', '2026-04-01', '2026-05-01T01:00:00.000Z', null],
      ['terms', '2026-04-01', '2026-05-01T01:00:00.000Z', null],
    ]);
    const auditAfter = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, member.memberId));
    expect(auditAfter.filter((r) => r.action !== 'member.anonymised')).toEqual(auditBefore);
    expect(auditAfter.filter((r) => r.action === 'member.anonymised')).toHaveLength(1);

    // The rejected registration from the review tests fell due too, a year after its rejection.
    const [rejected] = await t.ctx.db.select().from(members).where(eq(members.loginId, 'reject.me'));
    expect(rejected).toBeUndefined();

    // Idempotent: a second run finds nothing and writes nothing.
    const snapshot = await t.ctx.db.select().from(members).where(eq(members.id, member.memberId));
    expect(await anonymiseDueMembers(t.ctx.db, { now: due.add({ hours: 24 }) })).toEqual([]);
    expect(await t.ctx.db.select().from(members).where(eq(members.id, member.memberId))).toEqual(snapshot);
    expect(
      (await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, member.memberId))).length,
    ).toBe(auditAfter.length);

    // The login ID is free again: nobody can sign in with it, and a new person may register it.
    expect((await answer(await signInAttempt('forget.me', TEST_PASSWORD))).body.code).toBe(
      'invalid_credentials',
    );
    const again = await t.request(
      '/api/members',
      json('POST', fullRegistration({ loginId: 'forget.me', email: 'new@example.jp' })),
    );
    expect(again.status).toBe(201);
  });

  it('is run by the worker from the clock: moving the clock past the due date and sweeping anonymises', async () => {
    travel(t, '2026-06-01T10:00:00+09:00');
    const member = await registerAndSignIn(t, {
      loginId: 'swept.member',
      name: '掃除 対象',
      email: 'swept@example.jp',
    });
    expect(
      (
        await member.browser.send('/api/mypage/withdrawal', 'POST', {
          password: TEST_PASSWORD,
          confirm: true,
        })
      ).status,
    ).toBe(200);
    t.clock.advance({ hours: 24 * 366 });
    await worker.sweepNow();
    for (let i = 0; i < 100; i++) {
      const [row] = await t.ctx.db
        .select({ anonymisedAt: members.anonymisedAt })
        .from(members)
        .where(eq(members.id, member.memberId));
      if (row?.anonymisedAt) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the worker did not anonymise the member');
  });
});
