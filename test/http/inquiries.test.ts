// Inquiries through HTTP: the form token, the receipt mail in Japanese and English, the guest limit, My Page scoping.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addInternalNote, replyToInquiry } from '../../src/modules/support/index.js';
import { mailTo, registerAndSignIn } from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  // better-auth reads Date.now(); it travels with our clock (only Date is faked, timers run for real).
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const operator = { kind: 'operator' as const, id: 'opr_tanaka' };

/** A form token fetched now, then the clock moved on as a person filling in the form would. */
async function filledFormToken(seconds = 30): Promise<string> {
  const res = await t.request('/api/inquiries/form-token');
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  t.clock.advance({ seconds });
  return token;
}

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return t.request('/api/inquiries', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.1', ...headers },
  });
}

const signature = '\n\n―――――――――――――――――';

describe('the inquiry form for guests', () => {
  it('hands out a signed token, takes the inquiry and mails a Japanese receipt with its number', async () => {
    const tokenRes = await t.request('/api/inquiries/form-token');
    expect(tokenRes.headers.get('cache-control')).toBe('no-store');
    expect(await tokenRes.json()).toEqual({
      token: expect.stringMatching(/^1775001600000\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/),
      notBefore: '2026-04-01T00:00:03Z',
      expiresAt: '2026-04-01T02:00:00Z',
      honeypotField: 'website',
    });
    const formToken = await filledFormToken();
    const res = await post({
      category: 'login_id',
      subject: 'ログインIDを忘れました',
      message: '登録したメールアドレスは ichiro@example.jp です。\nよろしくお願いします。',
      contactName: '佐藤 一郎',
      contactEmail: 'ichiro@example.jp',
      contactPhone: '03-1234-5678',
      formToken,
      website: '',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      id: expect.stringMatching(/^inq_/),
      number: 'Q2026-000001',
      status: 'new',
      createdAt: '2026-04-01T00:00:30.000Z',
    });
    const [receipt] = await mailTo(t, 'ichiro@example.jp', 1);
    expect(receipt!.subject).toBe('【keiyaku デモストア】お問い合わせを受け付けました（Q2026-000001）');
    expect(receipt!.text.split(signature)[0]).toBe(
      [
        '佐藤 一郎 様',
        '',
        'お問い合わせいただきありがとうございます。以下の内容で受け付けました。担当者よりメールでご回答します。',
        'この件についてご連絡の際は、お問い合わせ番号をお知らせください。',
        '',
        'お問い合わせ番号: Q2026-000001',
        '種別: ログインIDのお問い合わせ',
        '件名: ログインIDを忘れました',
        '',
        '--- お問い合わせ内容 ---',
        '登録したメールアドレスは ichiro@example.jp です。',
        'よろしくお願いします。',
        '---',
        '',
        'お心当たりのない場合は、このメールを破棄してください。',
      ].join('\n'),
    );
    expect(receipt!.html).toContain(
      '登録したメールアドレスは ichiro@example.jp です。\nよろしくお願いします。',
    );
  });

  it('mails the receipt in English to a guest whose browser prefers English', async () => {
    const formToken = await filledFormToken();
    const res = await post(
      {
        category: 'unlock',
        subject: 'My account is locked',
        message: 'I entered a wrong password too often.',
        contactName: 'Alex Smith',
        contactEmail: 'alex@example.com',
        formToken,
      },
      { 'accept-language': 'en-GB,en;q=0.9', 'x-forwarded-for': '203.0.113.2' },
    );
    expect(res.status).toBe(201);
    expect((await res.json()).number).toBe('Q2026-000002');
    const [receipt] = await mailTo(t, 'alex@example.com', 1);
    expect(receipt!.subject).toBe('[keiyaku デモストア] We have received your inquiry (Q2026-000002)');
    expect(receipt!.text.split(signature)[0]).toBe(
      [
        'Dear Alex Smith,',
        '',
        'Thank you for contacting us. We have received your inquiry and will answer by mail.',
        'Please quote the inquiry number when you contact us about it.',
        '',
        'Inquiry number: Q2026-000002',
        'Category: Unlocking an account',
        'Subject: My account is locked',
        '',
        '--- Your message ---',
        'I entered a wrong password too often.',
        '---',
        '',
        'If you did not send this inquiry, please ignore this mail.',
      ].join('\n'),
    );
  });

  it('refuses a form sent too fast, a filled honeypot, a missing contact and a bad category as problems', async () => {
    const form = {
      category: 'other',
      subject: 's',
      message: 'm',
      contactName: 'n',
      contactEmail: 'g@example.jp',
    };
    const fast = await post({ ...form, formToken: await filledFormToken(1) }, { 'accept-language': 'en' });
    expect(fast.status).toBe(422);
    expect(fast.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await fast.json()).toMatchObject({
      code: 'form_submitted_too_fast',
      detail:
        'The form was sent too quickly after it was shown. Please wait at least 3 seconds before sending.',
    });
    const bot = await post({ ...form, formToken: await filledFormToken(), website: 'http://spam.example' });
    expect((await bot.json()).code).toBe('spam_suspected');
    const noContact = await post({
      category: 'other',
      subject: 's',
      message: 'm',
      formToken: await filledFormToken(),
    });
    expect(noContact.status).toBe(422);
    expect((await noContact.json()).errors.map((e: { path: string }) => e.path)).toEqual([
      'contactName',
      'contactEmail',
    ]);
    const badCategory = await post({ ...form, category: 'refund', formToken: await filledFormToken() });
    expect(badCategory.status).toBe(422);
    expect((await badCategory.json()).errors[0].path).toBe('category');
  });

  it('limits a guest address to 5 inquiries an hour, in fake time', async () => {
    t.clock.travelTo('2026-04-02T10:00:00+09:00');
    const from = async (ip: string) =>
      post(
        {
          category: 'other',
          subject: 'Q',
          message: 'Question',
          contactName: 'N',
          contactEmail: 'rl@example.jp',
          formToken: await filledFormToken(60),
        },
        { 'x-forwarded-for': `${ip}, 10.0.0.1` },
      );
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.20')).status).toBe(201);
    const limited = await from('198.51.100.20');
    expect(limited.status).toBe(429);
    expect((await limited.json()).code).toBe('inquiry_rate_limited');
    expect((await from('198.51.100.21')).status).toBe(201);
    t.clock.advance({ hours: 1 });
    expect((await from('198.51.100.20')).status).toBe(201);
  });
});

describe('inquiries on My Page', () => {
  it('prefills the member, lists and shows only their own, hides internal notes, and reopens on a follow-up', async () => {
    // The tests above moved only our clock; sessions are stamped by better-auth's Date, and their
    // timeouts compare the two, so both must show the same time again.
    vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
    const hanako = await registerAndSignIn(t, {
      loginId: 'hanako',
      name: '山田 花子',
      email: 'hanako@example.jp',
    });
    const jiro = await registerAndSignIn(t, { loginId: 'jiro', name: '鈴木 次郎', email: 'jiro@example.jp' });

    const formToken = await filledFormToken();
    const sent = await hanako.browser.send('/api/inquiries', 'POST', {
      category: 'withdrawal',
      subject: '退会したい',
      message: '今月末で退会をお願いします。',
      formToken,
    });
    expect(sent.status).toBe(201);
    const { id, number } = (await sent.json()) as { id: string; number: string };
    const receipt = (await mailTo(t, 'hanako@example.jp', 4)).at(-1)!;
    expect(receipt.subject).toBe(`【keiyaku デモストア】お問い合わせを受け付けました（${number}）`);
    expect(receipt.text.startsWith('山田 花子 様\n')).toBe(true);

    const list = await hanako.browser.send('/api/mypage/inquiries', 'GET');
    expect(list.status).toBe(200);
    expect((await list.json()).items).toEqual([
      expect.objectContaining({ id, number, category: 'withdrawal', subject: '退会したい', status: 'new' }),
    ]);
    expect((await (await jiro.browser.send('/api/mypage/inquiries', 'GET')).json()).items).toEqual([]);

    const theirs = await jiro.browser.send(`/api/mypage/inquiries/${id}`, 'GET');
    expect(theirs.status).toBe(404);
    expect((await theirs.json()).code).toBe('inquiry_not_found');
    const write = await jiro.browser.send(`/api/mypage/inquiries/${id}/messages`, 'POST', { body: 'hi' });
    expect(write.status).toBe(404);
    expect((await t.request(`/api/mypage/inquiries/${id}`)).status).toBe(401);
    expect((await t.request('/api/mypage/inquiries')).status).toBe(401);

    await addInternalNote(t.ctx.db, {
      inquiryId: id,
      body: '契約の残りを確認済み',
      actor: operator,
      now: t.clock.now(),
    });
    await replyToInquiry(t.ctx.db, {
      inquiryId: id,
      body: '4月30日付で退会の手続きをいたしました。',
      actor: operator,
      now: t.clock.now(),
    });
    const reply = (await mailTo(t, 'hanako@example.jp', 5)).at(-1)!;
    expect(reply.subject).toBe(`【keiyaku デモストア】お問い合わせへのご回答（${number}）`);
    expect(reply.text.split(signature)[0]).toBe(
      [
        '山田 花子 様',
        '',
        `お問い合わせ ${number}「退会したい」について、ご回答いたします。`,
        '',
        '4月30日付で退会の手続きをいたしました。',
        '',
        'これまでのやり取りの確認やご返信は、マイページからどうぞ。',
        `http://127.0.0.1:3000/mypage/inquiries/${id}`,
      ].join('\n'),
    );

    const detail = await hanako.browser.send(`/api/mypage/inquiries/${id}`, 'GET');
    expect(detail.status).toBe(200);
    const body = await detail.json();
    expect(body).toMatchObject({
      id,
      number,
      status: 'answered',
      message: '今月末で退会をお願いします。',
      contactName: '山田 花子',
      contactEmail: 'hanako@example.jp',
      contactPhone: null,
    });
    expect(body.messages.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
      ['to_customer', '4月30日付で退会の手続きをいたしました。'],
    ]);
    expect(JSON.stringify(body)).not.toContain('契約の残り');

    const followUp = await hanako.browser.send(`/api/mypage/inquiries/${id}/messages`, 'POST', {
      body: 'ありがとうございました。請求は止まりますか。',
    });
    expect(followUp.status).toBe(201);
    const after = await followUp.json();
    expect(after.status).toBe('in_progress');
    expect(after.messages.map((m: { direction: string }) => m.direction)).toEqual([
      'to_customer',
      'from_customer',
    ]);
    const empty = await hanako.browser.send(`/api/mypage/inquiries/${id}/messages`, 'POST', { body: '  ' });
    expect(empty.status).toBe(422);
  });
});
