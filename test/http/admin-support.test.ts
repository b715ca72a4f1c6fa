// The operator inbox and member administration through HTTP: filters, paging, every change audited with the operator.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { Browser, mailTo, registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let support: SignedInOperator;
let colleague: SignedInOperator;
let member: SignedInMember;
let memberInquiryId: string;
let guestInquiryId: string;

/** A form token fetched now, then the clock moved on as a person filling in the form would. */
async function filledFormToken(): Promise<string> {
  const { token } = (await (await t.request('/api/inquiries/form-token')).json()) as { token: string };
  t.clock.advance({ seconds: 30 });
  return token;
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  support = await operatorSignedIn(t, 'suzuki.support', ['support']);
  colleague = await operatorSignedIn(t, 'kato.support', ['support']);
  member = await registerAndSignIn(t, {
    loginId: 'yamada.hanako',
    name: '山田 花子',
    email: 'hanako@example.jp',
  });
  const mine = await member.browser.send('/api/inquiries', 'POST', {
    category: 'billing',
    subject: '請求書の宛名を変えたい',
    message: '会社名が変わりました。',
    formToken: await filledFormToken(),
    website: '',
  });
  expect(mine.status).toBe(201);
  memberInquiryId = ((await mine.json()) as { id: string }).id;
  const guest = await new Browser(t).send('/api/inquiries', 'POST', {
    category: 'login_id',
    subject: 'ログインIDを忘れました',
    message: '登録メールは ichiro@example.jp です。',
    contactName: '佐藤 一郎',
    contactEmail: 'ichiro@example.jp',
    formToken: await filledFormToken(),
    website: '',
  });
  expect(guest.status).toBe(201);
  guestInquiryId = ((await guest.json()) as { id: string }).id;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('the inquiry inbox', () => {
  it('lists newest first, filters by status, category, assignee and text, and pages', async () => {
    const all = await (await support.browser.send('/api/admin/inquiries', 'GET')).json();
    expect(all.total).toBe(2);
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([guestInquiryId, memberInquiryId]);
    expect(all.items[1]).toMatchObject({
      memberId: member.memberId,
      contactName: '山田 花子',
      status: 'new',
    });

    const billing = await (await support.browser.send('/api/admin/inquiries?category=billing', 'GET')).json();
    expect(billing.items.map((i: { id: string }) => i.id)).toEqual([memberInquiryId]);
    const text = await (await support.browser.send('/api/admin/inquiries?q=ICHIRO%40', 'GET')).json();
    expect(text.items.map((i: { id: string }) => i.id)).toEqual([guestInquiryId]);
    const page = await (await support.browser.send('/api/admin/inquiries?limit=1&offset=1', 'GET')).json();
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([memberInquiryId]);
    const none = await (await support.browser.send('/api/admin/inquiries?status=closed', 'GET')).json();
    expect(none).toMatchObject({ total: 0, items: [] });
    expect((await support.browser.send('/api/admin/inquiries?status=lost', 'GET')).status).toBe(422);
  });

  it('assigns, notes, replies and closes; the member sees the reply but never the note', async () => {
    const base = `/api/admin/inquiries/${memberInquiryId}`;
    const stranger = await support.browser.send(`${base}/assign`, 'POST', { operatorId: 'opr_nobody' });
    expect(stranger.status).toBe(422);
    expect((await stranger.json()).code).toBe('assignee_not_found');
    const assigned = await support.browser.send(`${base}/assign`, 'POST', {
      operatorId: colleague.operatorId,
    });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({
      assigneeOperatorId: colleague.operatorId,
      status: 'new',
      nextStatuses: ['in_progress', 'closed'],
    });
    const mine = await (await colleague.browser.send('/api/admin/inquiries?assignee=me', 'GET')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([memberInquiryId]);
    const unassigned = await (await support.browser.send('/api/admin/inquiries?assignee=none', 'GET')).json();
    expect(unassigned).toMatchObject({ total: 1 });
    expect(unassigned.items.map((i: { id: string }) => i.id)).toEqual([guestInquiryId]);

    const noted = await colleague.browser.send(`${base}/notes`, 'POST', { body: '経理に確認する' });
    expect(noted.status).toBe(201);
    const replied = await colleague.browser.send(`${base}/replies`, 'POST', {
      body: '宛名の変更を承りました。',
    });
    expect(replied.status).toBe(201);
    const detail = await replied.json();
    expect(detail.status).toBe('answered');
    expect(detail.nextStatuses).toEqual(['in_progress', 'closed']);
    expect(
      detail.messages.map((m: { direction: string; authorId: string }) => [m.direction, m.authorId]),
    ).toEqual([
      ['internal_note', colleague.operatorId],
      ['to_customer', colleague.operatorId],
    ]);
    const replyMail = (await mailTo(t, 'hanako@example.jp', 5)).at(-1)!;
    expect(replyMail.text).toContain('宛名の変更を承りました。');

    const seen = await (await member.browser.send(`/api/mypage/inquiries/${memberInquiryId}`, 'GET')).json();
    expect(JSON.stringify(seen)).not.toContain('経理に確認する');

    const backwards = await colleague.browser.send(`${base}/status`, 'POST', { status: 'new' });
    expect(backwards.status).toBe(409);
    const closed = await colleague.browser.send(`${base}/status`, 'POST', {
      status: 'closed',
      reason: '解決',
    });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: 'closed', nextStatuses: [] });
    expect((await colleague.browser.send(`${base}/replies`, 'POST', { body: '追記' })).status).toBe(409);
    expect((await support.browser.send('/api/admin/inquiries/inq_unknown', 'GET')).status).toBe(404);

    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'inquiry'), eq(auditLog.targetId, memberInquiryId)));
    const byOperators = rows.filter((r) => r.actorKind === 'operator');
    expect(byOperators.map((r) => [r.action, r.actorId])).toEqual([
      ['inquiry.assigned', support.operatorId],
      ['inquiry.note_added', colleague.operatorId],
      ['inquiry.replied', colleague.operatorId],
      ['inquiry.status_changed', colleague.operatorId],
    ]);
    expect(byOperators.every((r) => r.requestId !== null)).toBe(true);
    expect(byOperators.at(-1)!.reason).toBe('解決');
  });
});

describe('the operators the inbox names', () => {
  it('lists every operator by name, assignable only when active and allowed to handle inquiries', async () => {
    const billing = await operatorSignedIn(t, 'abe.billing', ['billing']);
    const res = await support.browser.send('/api/admin/inquiry-assignees', 'GET');
    expect(res.status).toBe(200);
    const { operators } = (await res.json()) as {
      operators: { id: string; displayName: string; assignable: boolean }[];
    };
    expect(operators).toEqual([
      { id: billing.operatorId, displayName: 'abe.billing さん', assignable: false },
      { id: colleague.operatorId, displayName: 'kato.support さん', assignable: true },
      { id: support.operatorId, displayName: 'suzuki.support さん', assignable: true },
    ]);
    expect(JSON.stringify(operators)).not.toContain('@staff.example.jp');
  });
});

describe('member administration', () => {
  it('finds members by login ID, name, kana and email', async () => {
    await registerAndSignIn(t, { loginId: 'tanaka.jiro', name: '田中 次郎', email: 'jiro@example.jp' });
    for (const q of ['YAMADA.h', '花子', 'テスト', 'hanako@']) {
      const res = await support.browser.send(`/api/admin/members?q=${encodeURIComponent(q)}`, 'GET');
      expect(res.status).toBe(200);
      const ids = ((await res.json()) as { items: { id: string }[] }).items.map((m) => m.id);
      expect([q, ids.includes(member.memberId)]).toEqual([q, true]);
    }
    const one = await (await support.browser.send('/api/admin/members?q=jiro', 'GET')).json();
    expect(one).toMatchObject({ total: 1, items: [{ loginId: 'tanaka.jiro', status: 'active' }] });
    const paged = await (await support.browser.send('/api/admin/members?limit=1', 'GET')).json();
    expect(paged).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(paged.items).toHaveLength(1);
  });

  it('shows the profile, the consent and recent sign-ins from the audit log', async () => {
    const wrong = await new Browser(t).send('/api/sessions', 'POST', {
      loginId: 'yamada.hanako',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    const res = await support.browser.send(`/api/admin/members/${member.memberId}`, 'GET');
    expect(res.status).toBe(200);
    const record = await res.json();
    expect(record).toMatchObject({
      id: member.memberId,
      loginId: 'yamada.hanako',
      name: '山田 花子',
      email: 'hanako@example.jp',
      status: 'active',
      locale: 'ja',
      terms: { version: '2026-04-01', acceptedAt: expect.any(String) },
    });
    // The code step counts as an attempt too: support sees a member who got the code but never entered it.
    expect(record.signIns.map((s: { outcome: string }) => s.outcome)).toEqual([
      'sign_in_failed',
      'signed_in',
      'sign_in_code_sent',
    ]);
    expect(record.sessions).toHaveLength(1);
    expect((await support.browser.send('/api/admin/members/mem_unknown', 'GET')).status).toBe(404);
  });
});
