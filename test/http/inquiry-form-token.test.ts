// The inquiry form token sends one inquiry: a second use, one after the other or at the same moment, is form_token_used.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/notifications.js';
import { inquiries, inquiryFormTokenUses } from '../../src/db/schema/support.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  t.clock.travelTo('2026-05-11T10:00:00+09:00');
});
afterAll(async () => {
  await t.close();
});

/** A form token fetched now, then the clock moved on as a person filling in the form would. */
async function filledFormToken(): Promise<string> {
  const res = await t.request('/api/inquiries/form-token');
  expect(res.status).toBe(200);
  const { token } = (await res.json()) as { token: string };
  t.clock.advance({ seconds: 30 });
  return token;
}

function post(body: object, address: string): Promise<Response> {
  return t.request('/api/inquiries', {
    method: 'POST',
    body: JSON.stringify({
      category: 'other',
      contactName: '佐藤 一郎',
      contactEmail: 'ichiro@example.jp',
      ...body,
    }),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, 'accept-language': 'en' },
  });
}

const bySubject = (subject: string) =>
  t.ctx.db.select().from(inquiries).where(eq(inquiries.subject, subject)).orderBy(asc(inquiries.number));

const receiptsFor = (number: string) =>
  t.ctx.db
    .select()
    .from(outbox)
    .where(eq(outbox.template, 'inquiry-received'))
    .then((rows) => rows.filter((row) => row.payload.number === number));

it('takes one inquiry per token; a refused submission leaves the token unspent', async () => {
  // An address at its hourly limit is refused inside the inquiry's transaction, after the token was spent.
  for (let i = 0; i < 5; i++) {
    const filler = await post(
      { subject: '上限まで', message: '本文', formToken: await filledFormToken() },
      '192.0.2.9',
    );
    expect(filler.status).toBe(201);
  }
  const formToken = await filledFormToken();
  const refused = await post({ subject: '一度だけ', message: '本文', formToken }, '192.0.2.9');
  expect([refused.status, (await refused.json()).code]).toEqual([429, 'inquiry_rate_limited']);
  const first = await post({ subject: '一度だけ', message: '本文', formToken }, '192.0.2.10');
  expect(first.status).toBe(201);
  const { number } = (await first.json()) as { number: string };
  // Another text and another address do not make the token new.
  const second = await post({ subject: '二度目', message: '別の本文', formToken }, '192.0.2.11');
  expect(second.status).toBe(409);
  expect(await second.json()).toMatchObject({
    code: 'form_token_used',
    detail: 'This form has already been sent. To send another inquiry, reload the page first.',
    messages: {
      ja: 'このフォームはすでに送信済みです。同じ内容を重ねて送る場合は、ページを再読み込みしてから送信してください。',
    },
  });
  expect((await bySubject('一度だけ')).map((i) => i.number)).toEqual([number]);
  expect(await bySubject('二度目')).toEqual([]);
  expect(await receiptsFor(number)).toHaveLength(1);
  // A fresh token sends the next inquiry.
  const next = await post(
    { subject: '二度目', message: '別の本文', formToken: await filledFormToken() },
    '192.0.2.11',
  );
  expect(next.status).toBe(201);
});

it('gives two forms shown in the same millisecond tokens of their own', async () => {
  const [a, b] = await Promise.all([
    t.request('/api/inquiries/form-token'),
    t.request('/api/inquiries/form-token'),
  ]);
  const tokens = [(await a!.json()).token as string, (await b!.json()).token as string];
  expect(tokens[0]!.split('.')[0]).toBe(tokens[1]!.split('.')[0]);
  expect(tokens[0]).not.toBe(tokens[1]);
  t.clock.advance({ seconds: 30 });
  expect(
    (await post({ subject: '同時刻A', message: '本文', formToken: tokens[0] }, '192.0.2.20')).status,
  ).toBe(201);
  expect(
    (await post({ subject: '同時刻B', message: '本文', formToken: tokens[1] }, '192.0.2.21')).status,
  ).toBe(201);
});

it('forgets spent tokens once they could no longer be used anyway', async () => {
  const spent = await t.ctx.db.select().from(inquiryFormTokenUses);
  expect(spent).toHaveLength(9);
  t.clock.advance({ hours: 2, seconds: 1 });
  const res = await post(
    { subject: '後日', message: '本文', formToken: await filledFormToken() },
    '192.0.2.30',
  );
  expect(res.status).toBe(201);
  const left = await t.ctx.db.select().from(inquiryFormTokenUses);
  expect(left).toHaveLength(1);
});

describe.skipIf(!process.env.DATABASE_URL)(
  'one token sent many times at once (PostgreSQL only: PGlite runs one request at a time)',
  () => {
    it('makes one inquiry and one receipt from 20 submissions of one token', async () => {
      const formToken = await filledFormToken();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post({ subject: '同時送信', message: `本文 ${i}`, formToken }, `198.51.100.${i + 1}`),
        ),
      );
      const codes = await Promise.all(answers.map(async (a) => [a.status, (await a.json()).code ?? null]));
      expect(codes.filter(([status]) => status === 201)).toHaveLength(1);
      expect(codes.filter(([status]) => status !== 201)).toEqual(
        Array.from({ length: 19 }, () => [409, 'form_token_used']),
      );
      const made = await bySubject('同時送信');
      expect(made).toHaveLength(1);
      expect(await receiptsFor(made[0]!.number)).toHaveLength(1);
    });
  },
);
