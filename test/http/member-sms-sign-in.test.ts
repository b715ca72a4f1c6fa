// Sign-in by SMS: a member whose channel is SMS gets the code on the mobile number (dev SMS outbox or Twilio).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { enqueueMail, listDevSms } from '../../src/modules/notifications/index.js';
import { Browser, mailTo, memberTestPassword } from '../helpers/member-session.js';
import { operatorSignedIn } from '../helpers/operator-session.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startTwilioDouble, type TwilioDouble, twilioEnv } from '../helpers/twilio-double.js';

/** Registers an SMS member and confirms the mailed link; returns the browser, ready to sign in. */
async function registerSmsMember(
  t: TestApp,
  loginId: string,
  mobilePhone: string,
  locale: 'ja' | 'en' = 'ja',
): Promise<{ browser: Browser; memberId: string; email: string }> {
  const browser = new Browser(t);
  const email = `${loginId}@example.jp`;
  const res = await browser.send(
    '/api/members',
    'POST',
    fullRegistration({ loginId, email, secondFactorChannel: 'sms', mobilePhone }),
    { 'accept-language': locale },
  );
  expect(res.status).toBe(201);
  const { memberId } = (await res.json()) as { memberId: string };
  const [confirmation] = await mailTo(t, email, 1);
  const token = decodeURIComponent(
    /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation!.text)![1]!,
  );
  expect((await browser.send('/api/members/confirm-email', 'POST', { token })).status).toBe(200);
  return { browser, memberId, email };
}

async function smsTo(t: TestApp, to: string, count: number) {
  for (let i = 0; i < 1200; i++) {
    const kept = (await listDevSms(t.ctx.db, 500)).filter((sms) => sms.to === to);
    if (kept.length >= count) return kept.sort((a, b) => a.outboxId.localeCompare(b.outboxId));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`expected ${count} SMS to ${to}`);
}

const codeIn = (text: string) => /(?:コード|code): (\d{6})/.exec(text)![1]!;

describe('sign-in by SMS without a provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
  });
  afterAll(() => t.close());

  it('sends the code to the mobile number, not by mail, and it signs in', async () => {
    t.clock.travelTo('2026-04-13T09:00:00+09:00');
    const { browser, memberId, email } = await registerSmsMember(t, 'sms.hanako', '090-1234-5678');
    const signIn = await browser.send('/api/sessions', 'POST', {
      loginId: 'sms.hanako',
      password: memberTestPassword,
    });
    expect(signIn.status).toBe(202);
    expect(await signIn.json()).toEqual({
      status: 'code_sent',
      codeValidMinutes: 10,
      channel: 'sms',
      destinationHint: '5678',
    });
    const [sms] = await smsTo(t, '+819012345678', 1);
    expect(sms!.body).toMatch(/^【keiyaku デモストア】ログイン確認コード: \d{6}（10分間有効）$/);
    expect(sms!.template).toBe('member-sign-in-code');

    const verified = await browser.send('/api/sessions/verify-code', 'POST', { code: codeIn(sms!.body) });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ status: 'signed_in', memberId });
    expect((await browser.send('/api/mypage/me', 'GET')).status).toBe(200);

    // The confirmation and the "registration complete" mail are the only mails: the code did not also go by mail.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mailRows = await t.ctx.db
      .select({ template: outbox.template })
      .from(outbox)
      .where(and(eq(outbox.recipient, email), eq(outbox.channel, 'mail')));
    expect(mailRows.map((row) => row.template).sort()).toEqual([
      'member-email-confirmation',
      'member-registration-complete',
    ]);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, memberId), eq(auditLog.action, 'member.sign_in_code_sent')));
    expect(audit!.reason).toBe('by sms');
  });

  it('writes the SMS in the member language', async () => {
    const { browser } = await registerSmsMember(t, 'sms.john', '080-2222-3333', 'en');
    const signIn = await browser.send('/api/sessions', 'POST', {
      loginId: 'sms.john',
      password: memberTestPassword,
    });
    expect(await signIn.json()).toMatchObject({ channel: 'sms', destinationHint: '3333' });
    const [sms] = await smsTo(t, '+818022223333', 1);
    expect(sms!.body).toMatch(/^\[keiyaku デモストア\] Sign-in code: \d{6} \(valid for 10 minutes\)$/);
  });

  it('moves to SMS when a mail member switches channel on My Page', async () => {
    const browser = new Browser(t);
    const email = 'switcher@example.jp';
    expect(
      (await browser.send('/api/members', 'POST', fullRegistration({ loginId: 'switcher', email }))).status,
    ).toBe(201);
    const [confirmation] = await mailTo(t, email, 1);
    const token = decodeURIComponent(
      /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation!.text)![1]!,
    );
    expect((await browser.send('/api/members/confirm-email', 'POST', { token })).status).toBe(200);
    const first = await browser.send('/api/sessions', 'POST', {
      loginId: 'switcher',
      password: memberTestPassword,
    });
    expect(await first.json()).toMatchObject({ channel: 'email', destinationHint: 's***@example.jp' });
    // Confirmation, "registration complete", then the code.
    const codeMail = (await mailTo(t, email, 3))[2]!;
    expect(
      (await browser.send('/api/sessions/verify-code', 'POST', { code: codeIn(codeMail.text) })).status,
    ).toBe(200);

    const patched = await browser.send('/api/mypage/profile', 'PATCH', {
      secondFactorChannel: 'sms',
      mobilePhone: '070-4444-5555',
      currentPassword: memberTestPassword,
    });
    expect(patched.status).toBe(200);
    expect((await browser.send('/api/sessions/current', 'DELETE')).status).toBe(204);
    const second = await browser.send('/api/sessions', 'POST', {
      loginId: 'switcher',
      password: memberTestPassword,
    });
    expect(await second.json()).toMatchObject({ channel: 'sms', destinationHint: '5555' });
    const [sms] = await smsTo(t, '+817044445555', 1);
    expect(
      (await browser.send('/api/sessions/verify-code', 'POST', { code: codeIn(sms!.body) })).status,
    ).toBe(200);
  });
});

describe('sign-in by SMS through Twilio', () => {
  let twilio: TwilioDouble;
  let t: TestApp;
  beforeAll(async () => {
    twilio = await startTwilioDouble();
    t = await createTestApp({ env: twilioEnv(twilio, { from: '+15017122661' }) });
    await t.startWorker();
  });
  afterAll(async () => {
    await t.close();
    await twilio.close();
  });

  it('posts the code to Twilio and it signs in; nothing is kept in the dev SMS outbox', async () => {
    const { browser, memberId } = await registerSmsMember(t, 'twilio.member', '090-8765-4321');
    const signIn = await browser.send('/api/sessions', 'POST', {
      loginId: 'twilio.member',
      password: memberTestPassword,
    });
    expect(await signIn.json()).toMatchObject({ channel: 'sms', destinationHint: '4321' });
    const [request] = await twilio.waitFor(1);
    expect(request!.violations).toEqual([]);
    expect(request!.form.To).toBe('+819087654321');
    expect(request!.form.From).toBe('+15017122661');
    const verified = await browser.send('/api/sessions/verify-code', 'POST', {
      code: codeIn(request!.form.Body!),
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ status: 'signed_in', memberId });
    expect(await listDevSms(t.ctx.db)).toEqual([]);
  });
});

describe('the dev mailbox and SMS outbox in the admin console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorker();
  });
  afterAll(() => t.close());

  it('shows codes to the owner only: support sees that they were sent, not what they say', async () => {
    const owner = await operatorSignedIn(t, 'box.owner', ['owner']);
    const support = await operatorSignedIn(t, 'box.support', ['support']);
    const { browser } = await registerSmsMember(t, 'box.member', '090-1111-2222');
    expect(
      (await browser.send('/api/sessions', 'POST', { loginId: 'box.member', password: memberTestPassword }))
        .status,
    ).toBe(202);
    const [kept] = await smsTo(t, '+819011112222', 1);
    await t.ctx.db.transaction((tx) =>
      enqueueMail(tx, {
        template: 'smtp-test',
        locale: 'ja',
        to: 'plain@example.jp',
        payload: { requestedBy: 'owner' },
        now: t.clock.now(),
      }),
    );
    await mailTo(t, 'plain@example.jp', 1);

    const ownerSms = await (await owner.browser.send('/api/admin/sms', 'GET')).json();
    expect(ownerSms.messages).toEqual([
      {
        id: kept!.id,
        template: 'member-sign-in-code',
        to: '+819011112222',
        body: kept!.body,
        withheld: false,
        deliveredAt: kept!.deliveredAt.toISOString(),
      },
    ]);
    const supportSms = await (await support.browser.send('/api/admin/sms', 'GET')).json();
    expect(supportSms.messages).toEqual([{ ...ownerSms.messages[0], body: null, withheld: true }]);

    type Listed = { to: string; template: string; text: string | null; withheld: boolean };
    const ownerMail = (await (await owner.browser.send('/api/admin/mailbox', 'GET')).json())
      .mails as Listed[];
    const supportMail = (await (await support.browser.send('/api/admin/mailbox', 'GET')).json())
      .mails as Listed[];
    const find = (mails: Listed[], to: string, template: string) =>
      mails.find((m) => m.to === to && m.template === template)!;
    // The operator's own sign-in code, another operator's, and a member's confirmation link: withheld.
    for (const [to, template] of [
      ['box.owner@staff.example.jp', 'operator-sign-in-code'],
      ['box.support@staff.example.jp', 'operator-sign-in-code'],
      ['box.member@example.jp', 'member-email-confirmation'],
    ] as const) {
      expect(find(supportMail, to, template)).toMatchObject({ text: null, withheld: true });
      expect(find(ownerMail, to, template).withheld).toBe(false);
      expect(find(ownerMail, to, template).text).toMatch(/\S/);
    }
    expect(find(supportMail, 'plain@example.jp', 'smtp-test')).toMatchObject({ withheld: false });
    expect(find(supportMail, 'plain@example.jp', 'smtp-test').text).toContain('送信を依頼した人: owner');
  });
});
