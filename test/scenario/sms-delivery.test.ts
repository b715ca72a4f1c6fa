// SMS leave only through the outbox and a real worker: to Twilio's Messages API (a local double) or the dev SMS outbox.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/notifications.js';
import { enqueueSms, listDevSms } from '../../src/modules/notifications/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  startTwilioDouble,
  TWILIO_INVALID_TO,
  type TwilioDouble,
  twilioEnv,
} from '../helpers/twilio-double.js';

const messagingServiceSid = `MG${'fedcba9876543210'.repeat(2)}`;

async function queueCode(
  t: TestApp,
  to: string,
  locale: 'ja' | 'en' = 'ja',
  code = '123456',
): Promise<string> {
  return t.ctx.db.transaction((tx) =>
    enqueueSms(tx, {
      template: 'member-sign-in-code',
      locale,
      to,
      payload: { code, validMinutes: 10 },
      now: t.clock.now(),
    }),
  );
}

async function rowOf(t: TestApp, id: string) {
  const [row] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, id));
  return row!;
}

async function settled(t: TestApp, id: string) {
  for (let i = 0; i < 400; i++) {
    const row = await rowOf(t, id);
    if (row.status === 'delivered' || row.status === 'failed') return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`outbox row ${id} did not settle`);
}

describe('SMS through Twilio with a From number', () => {
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

  it('posts the documented request and records the Message SID', async () => {
    t.clock.travelTo('2026-04-13T09:00:00+09:00');
    const id = await queueCode(t, '+819012345678');
    const [request] = await twilio.waitFor(1);
    expect(request!.violations).toEqual([]);
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
    // base64("AC0123456789abcdef0123456789abcdef:f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8"), worked out by hand.
    expect(request!.authorization).toBe(
      'Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjpmM2UyZDFjMGI5YThmN2U2ZDVjNGIzYTJmMWUwZDljOA==',
    );
    expect(request!.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request!.form).toEqual({
      To: '+819012345678',
      From: '+15017122661',
      Body: '【keiyaku デモストア】ログイン確認コード: 123456（10分間有効）',
    });
    const row = await settled(t, id);
    expect(row.status).toBe('delivered');
    expect(row.attempts).toBe(1);
    expect(row.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(row.providerErrorCode).toBeNull();
    expect(row.deliveredAt?.toISOString()).toBe('2026-04-13T00:00:00.000Z');
    expect(await listDevSms(t.ctx.db)).toEqual([]);
  });

  it('retries after a 500 and then succeeds', async () => {
    const before = twilio.requests.length;
    twilio.failNext(500);
    const id = await queueCode(t, '+818012345678', 'en', '654321');
    const row = await settled(t, id);
    const sent = twilio.requests.slice(before);
    expect(sent.map((r) => r.answeredStatus)).toEqual([500, 201]);
    expect(sent.every((r) => r.violations.length === 0)).toBe(true);
    expect(sent[1]!.form.Body).toBe('[keiyaku デモストア] Sign-in code: 654321 (valid for 10 minutes)');
    expect(row.status).toBe('delivered');
    expect(row.attempts).toBe(2);
    expect(row.lastError).toBeNull();
  });

  it('gives up at once on 21211 (invalid To) and records the code', async () => {
    const before = twilio.requests.length;
    const id = await queueCode(t, TWILIO_INVALID_TO);
    const row = await settled(t, id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.providerErrorCode).toBe('21211');
    expect(row.lastError).toBe(
      "Twilio answered 400 (code 21211): The 'To' number +15005550001 is not a valid phone number.",
    );
    expect(row.lastError).not.toContain('123456');
    // No retry follows a permanent refusal.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(twilio.requests.slice(before).map((r) => r.answeredStatus)).toEqual([400]);
  });
});

describe('SMS through Twilio with a Messaging Service', () => {
  let twilio: TwilioDouble;
  let t: TestApp;
  beforeAll(async () => {
    twilio = await startTwilioDouble();
    t = await createTestApp({ env: twilioEnv(twilio, { messagingServiceSid }) });
    await t.startWorker();
  });
  afterAll(async () => {
    await t.close();
    await twilio.close();
  });

  it('sends MessagingServiceSid instead of From, and retries a 429', async () => {
    twilio.failNext(429);
    const id = await queueCode(t, '+817012345678');
    const row = await settled(t, id);
    const [limited, accepted] = await twilio.waitFor(2);
    expect([limited!.answeredStatus, accepted!.answeredStatus]).toEqual([429, 201]);
    expect(accepted!.violations).toEqual([]);
    expect(accepted!.form).toEqual({
      To: '+817012345678',
      MessagingServiceSid: messagingServiceSid,
      Body: '【keiyaku デモストア】ログイン確認コード: 123456（10分間有効）',
    });
    expect(row.status).toBe('delivered');
  });
});

describe('SMS with a wrong Auth Token', () => {
  let twilio: TwilioDouble;
  let t: TestApp;
  beforeAll(async () => {
    twilio = await startTwilioDouble();
    t = await createTestApp({
      env: {
        ...twilioEnv(twilio, { from: '+15017122661' }),
        TWILIO_AUTH_TOKEN: 'wrongwrongwrongwrongwrongwrong00',
      },
    });
    await t.startWorker();
  });
  afterAll(async () => {
    await t.close();
    await twilio.close();
  });

  it('is refused with 20003 and marked failed without retrying', async () => {
    const id = await queueCode(t, '+819012345678');
    const row = await settled(t, id);
    expect(twilio.requests.map((r) => r.answeredStatus)).toEqual([401]);
    expect(row.status).toBe('failed');
    expect(row.providerErrorCode).toBe('20003');
    expect(row.lastError).not.toContain('wrongwrong');
  });
});

describe('SMS without a provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is kept in the dev SMS outbox, once, and nothing is kept for a rolled-back change', async () => {
    t.clock.travelTo('2026-05-07T10:30:00+09:00');
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await enqueueSms(tx, {
          template: 'member-sign-in-code',
          locale: 'ja',
          to: '+819099999999',
          payload: { code: '999999', validMinutes: 10 },
          now: t.clock.now(),
        });
        throw new Error('business change failed');
      }),
    ).rejects.toThrow('business change failed');
    const id = await queueCode(t, '+819012345678');
    await t.startWorker();
    const row = await settled(t, id);
    expect(row.status).toBe('delivered');
    const kept = await listDevSms(t.ctx.db);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      outboxId: id,
      template: 'member-sign-in-code',
      to: '+819012345678',
      body: '【keiyaku デモストア】ログイン確認コード: 123456（10分間有効）',
    });
    expect(kept[0]!.deliveredAt.toISOString()).toBe('2026-05-07T01:30:00.000Z');
  });

  it('refuses a payload that does not fit the template or a number that is not E.164', async () => {
    await expect(
      enqueueSms(t.ctx.db, {
        template: 'member-sign-in-code',
        locale: 'ja',
        to: '+819012345678',
        payload: { code: '12345', validMinutes: 10 },
        now: t.clock.now(),
      }),
    ).rejects.toThrow();
    await expect(
      enqueueSms(t.ctx.db, {
        template: 'member-sign-in-code',
        locale: 'ja',
        to: '090-1234-5678',
        payload: { code: '123456', validMinutes: 10 },
        now: t.clock.now(),
      }),
    ).rejects.toThrow('E.164');
  });
});
