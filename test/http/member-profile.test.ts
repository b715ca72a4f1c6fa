// The full registration form, the documents members consent to, postal codes, and My Page profile and email changes through HTTP.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { memberConsents, members } from '../../src/db/schema/identity.js';
import { Browser, mailTo, mailWithSubject, registerAndSignIn } from '../helpers/member-session.js';
import { fullRegistration, TEST_PASSWORD } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  // better-auth reads Date.now(); it travels with our clock (only Date is faked, timers run for real).
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

async function auditOf(memberId: string, action: string) {
  return t.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, memberId), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.id));
}

describe('registration with the full form', () => {
  it('stores every field normalised and records both consents with their versions and the address', async () => {
    const res = await t.request(
      '/api/members',
      post(
        fullRegistration({
          memberKind: 'corporate',
          loginId: 'Keiri.Tanaka',
          name: '田中 一郎',
          nameKana: 'たなか いちろう',
          email: 'ｔａｎａｋａ@example.jp',
          companyName: '株式会社けいやく商事',
          department: '経理部',
          postalCode: '１０００００５',
          prefecture: '東京都',
          city: '千代田区',
          street: '丸の内1-1-1',
          building: '  ',
          phone: '０３−１２３４−５６７８',
          secondFactorChannel: 'sms',
          mobilePhone: '090-1234-5678',
          marketingOptIn: true,
        }),
        { 'x-forwarded-for': '203.0.113.7' },
      ),
    );
    expect(res.status).toBe(201);
    const { memberId } = (await res.json()) as { memberId: string };
    const [row] = await t.ctx.db.select().from(members).where(eq(members.id, memberId));
    expect(row).toMatchObject({
      loginId: 'Keiri.Tanaka',
      memberKind: 'corporate',
      name: '田中 一郎',
      nameKana: 'タナカ\u3000イチロウ',
      email: 'tanaka@example.jp',
      companyName: '株式会社けいやく商事',
      department: '経理部',
      postalCode: '100-0005',
      prefecture: '東京都',
      city: '千代田区',
      street: '丸の内1-1-1',
      building: null,
      phone: '+81312345678',
      secondFactorChannel: 'sms',
      mobilePhone: '+819012345678',
      marketingOptIn: true,
      status: 'unconfirmed',
      termsVersion: '2026-04-01',
    });
    const consents = await t.ctx.db
      .select({ kind: memberConsents.kind, version: memberConsents.version, ip: memberConsents.ipAddress })
      .from(memberConsents)
      .where(eq(memberConsents.memberId, memberId))
      .orderBy(asc(memberConsents.kind));
    expect(consents).toEqual([
      { kind: 'privacy', version: '2026-04-01', ip: '203.0.113.7' },
      { kind: 'terms', version: '2026-04-01', ip: '203.0.113.7' },
    ]);
    const [registered] = await auditOf(memberId, 'member.registered');
    expect(registered!.after).toMatchObject({ privacyPolicyVersion: '2026-04-01', phone: '+81312345678' });
    expect(JSON.stringify(registered!.after)).not.toContain(TEST_PASSWORD);
  });

  it('refuses an outdated document version, naming the field', async () => {
    const res = await t.request(
      '/api/members',
      post(fullRegistration({ loginId: 'old-terms', privacyPolicyVersion: '2025-10-01' })),
    );
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors).toEqual([
      expect.objectContaining({ path: 'privacyPolicyVersion', code: 'consent_outdated' }),
    ]);
  });

  it('refuses a password that contains the login ID', async () => {
    const res = await t.request(
      '/api/members',
      post(fullRegistration({ loginId: 'hanako2026', password: 'My-HANAKO2026x' })),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([
      expect.objectContaining({ path: 'password', code: 'password_not_login_id' }),
    ]);
  });

  it('lists every failing field at once: a corporate member without a company, SMS without a mobile', async () => {
    const res = await t.request(
      '/api/members',
      post(
        fullRegistration({
          loginId: 'incomplete',
          memberKind: 'corporate',
          secondFactorChannel: 'sms',
          prefecture: '東京',
          phone: '携帯 090',
        }),
      ),
    );
    expect(res.status).toBe(422);
    const paths = ((await res.json()).errors as { path: string; code: string }[]).map((e) => [
      e.path,
      e.code,
    ]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['companyName', 'required'],
        ['mobilePhone', 'required'],
        ['prefecture', 'prefecture'],
        ['phone', 'phone_number'],
      ]),
    );
  });
});

describe('documents and postal codes', () => {
  it('serves the current terms of use and privacy policy', async () => {
    const res = await t.request('/api/terms/current');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.terms).toMatchObject({ kind: 'terms', version: '2026-04-01', title: '利用規約' });
    expect(body.privacy).toMatchObject({
      kind: 'privacy',
      version: '2026-04-01',
      title: 'プライバシーポリシー',
    });
    expect(body.terms.body).toContain('# 利用規約');
    expect(body.terms.publishedAt).toBe('2026-03-31T15:00:00.000Z');
  });

  it('fills prefecture, city and town from a postal code, and says 404 for an unknown one', async () => {
    const found = await t.request('/api/postal-codes/1000005');
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({
      postalCode: '100-0005',
      prefecture: '東京都',
      city: '千代田区',
      town: '丸の内',
    });
    const unknown = await t.request('/api/postal-codes/999-9999');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('postal_code_not_found');
    expect((await t.request('/api/postal-codes/12-34')).status).toBe(422);
  });
});

describe('My Page profile', () => {
  it('changes name, kana, address and marketing opt-in, audited with before and after', async () => {
    const { memberId, browser } = await registerAndSignIn(t, {
      loginId: 'profile-editor',
      name: '山田 花子',
      email: 'editor@example.jp',
    });
    const res = await browser.send('/api/mypage/profile', 'PATCH', {
      nameKana: 'やまだ はなこ',
      postalCode: '5300001',
      prefecture: '大阪府',
      city: '大阪市北区',
      street: '梅田1-1-1',
      building: '梅田ビル 3F',
      marketingOptIn: true,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      nameKana: 'ヤマダ\u3000ハナコ',
      postalCode: '530-0001',
      prefecture: '大阪府',
      city: '大阪市北区',
      street: '梅田1-1-1',
      building: '梅田ビル 3F',
      marketingOptIn: true,
      email: 'editor@example.jp',
    });
    const [entry] = await auditOf(memberId, 'member.profile_updated');
    expect(entry).toMatchObject({ actorKind: 'member', actorId: memberId });
    expect(entry!.before).toEqual({
      nameKana: 'テスト',
      postalCode: '100-0005',
      street: '丸の内1-1-1',
      building: null,
      prefecture: '東京都',
      city: '千代田区',
      marketingOptIn: false,
    });
    expect(entry!.after).toEqual({
      nameKana: 'ヤマダ\u3000ハナコ',
      postalCode: '530-0001',
      street: '梅田1-1-1',
      building: '梅田ビル 3F',
      prefecture: '大阪府',
      city: '大阪市北区',
      marketingOptIn: true,
    });

    const invalid = await browser.send('/api/mypage/profile', 'PATCH', { email: 'x@example.jp', city: ' ' });
    expect(invalid.status).toBe(422);
    expect((await new Browser(t).send('/api/mypage/profile', 'PATCH', { city: '港区' })).status).toBe(401);
  });

  it('asks for the current password to change the channel or a phone number', async () => {
    const { memberId, browser } = await registerAndSignIn(t, {
      loginId: 'channel-changer',
      name: '佐藤 次郎',
      email: 'channel@example.jp',
    });
    const change = { secondFactorChannel: 'sms', mobilePhone: '090-1234-5678' };
    const missing = await browser.send('/api/mypage/profile', 'PATCH', change);
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors).toEqual([
      expect.objectContaining({ path: 'currentPassword', code: 'required' }),
    ]);
    const wrong = await browser.send('/api/mypage/profile', 'PATCH', {
      ...change,
      currentPassword: 'Wrong-pass1',
    });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).code).toBe('current_password_incorrect');
    const phoneOnly = await browser.send('/api/mypage/profile', 'PATCH', { phone: '06-1234-5678' });
    expect(phoneOnly.status).toBe(422);
    expect(await auditOf(memberId, 'member.profile_updated')).toEqual([]);

    const right = await browser.send('/api/mypage/profile', 'PATCH', {
      ...change,
      currentPassword: TEST_PASSWORD,
    });
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ secondFactorChannel: 'sms', mobilePhone: '+819012345678' });
    const [entry] = await auditOf(memberId, 'member.profile_updated');
    expect(entry!.before).toEqual({ secondFactorChannel: 'email', mobilePhone: null });
    expect(entry!.after).toEqual({ secondFactorChannel: 'sms', mobilePhone: '+819012345678' });
  });

  it('changes the email only through the link mailed to the new address, and tells the old one', async () => {
    const { memberId, browser } = await registerAndSignIn(t, {
      loginId: 'mover',
      name: '鈴木 三郎',
      email: 'old@example.jp',
    });
    const requested = await browser.send('/api/mypage/email-change', 'POST', { newEmail: 'new@example.jp' });
    expect(requested.status).toBe(202);
    expect(await requested.json()).toEqual({
      status: 'confirmation_sent',
      newEmail: 'new@example.jp',
      validHours: 24,
    });
    const [link] = await mailTo(t, 'new@example.jp', 1);
    expect(link!.subject).toBe('【keiyaku デモストア】新しいメールアドレスの確認のお願い');
    const token = decodeURIComponent(
      /\/mypage\/email-change\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(link!.text)![1]!,
    );
    // The address also gets the registration and sign-in mails, delivered in no fixed order: wait for this one.
    const notice = await mailWithSubject(
      t,
      'old@example.jp',
      '【keiyaku デモストア】メールアドレス変更のお申し込みについて',
    );
    expect(notice.text).toContain('new@example.jp');
    expect(notice.text).not.toContain(token);
    expect((await (await browser.send('/api/mypage/me', 'GET')).json()).email).toBe('old@example.jp');

    // Another member's session cannot use the link.
    const other = await registerAndSignIn(t, {
      loginId: 'bystander',
      name: '高橋 四郎',
      email: 'by@example.jp',
    });
    const stolen = await other.browser.send('/api/mypage/email-change/confirm', 'POST', { token });
    expect(stolen.status).toBe(410);
    expect((await stolen.json()).code).toBe('email_change_link_invalid');

    const confirmed = await browser.send('/api/mypage/email-change/confirm', 'POST', { token });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ email: 'new@example.jp' });
    expect((await (await browser.send('/api/mypage/me', 'GET')).json()).email).toBe('new@example.jp');
    const again = await browser.send('/api/mypage/email-change/confirm', 'POST', { token });
    expect(again.status).toBe(410);

    const [changed] = await auditOf(memberId, 'member.email_changed');
    expect(changed!.before).toEqual({ email: 'old@example.jp' });
    expect(changed!.after).toEqual({ email: 'new@example.jp' });
    expect(await auditOf(memberId, 'member.email_change_requested')).toHaveLength(1);
    expect(
      (await new Browser(t).send('/api/mypage/email-change', 'POST', { newEmail: 'x@example.jp' })).status,
    ).toBe(401);
  });
});
