// Mail leaves only through the outbox and a real worker: retried after a 451 with the same Message-ID.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/notifications.js';
import { enqueueMail, listDevMailbox } from '../../src/modules/notifications/index.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('mail through SMTP', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, env: { MAIL_FROM: 'デモストア <shop@example.jp>' } });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('is retried after a temporary 451 and arrives once with the same Message-ID', async () => {
    t.clock.travelTo('2026-04-13T09:00:00+09:00');
    const outboxId = await t.ctx.db.transaction((tx) =>
      enqueueMail(tx, {
        template: 'smtp-test',
        locale: 'ja',
        to: 'hanako@example.jp',
        payload: { requestedBy: '運営者 山田' },
        now: t.clock.now(),
      }),
    );
    sink.refuseNext(1);
    await t.startWorker();

    const [mail] = await sink.waitFor(1);
    expect(sink.refused).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(mail!.to).toEqual(['hanako@example.jp']);
    expect(mail!.from).toBe('shop@example.jp');
    expect(mail!.messageId).toBe(`<${outboxId}@keiyaku.outbox>`);
    expect(mail!.raw).toContain('Content-Type: multipart/alternative');

    // The sink has the mail a moment before the worker marks the row: wait for the mark, not for the mail.
    let [row] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, outboxId));
    for (let i = 0; i < 100 && row?.status !== 'delivered'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      [row] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, outboxId));
    }
    expect(row!.status).toBe('delivered');
    expect(row!.attempts).toBe(2);
    expect(row!.deliveredAt?.toISOString()).toBe('2026-04-13T00:00:00.000Z');
    expect(row!.lastError).toBeNull();
  });

  it('sends nothing for a transaction that rolled back', async () => {
    const before = sink.received.length;
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await enqueueMail(tx, {
          template: 'smtp-test',
          locale: 'en',
          to: 'rollback@example.jp',
          payload: { requestedBy: 'nobody' },
          now: t.clock.now(),
        });
        throw new Error('business change failed');
      }),
    ).rejects.toThrow('business change failed');
    await t.ctx.db.transaction((tx) =>
      enqueueMail(tx, {
        template: 'smtp-test',
        locale: 'en',
        to: 'after@example.jp',
        payload: { requestedBy: 'operator' },
        now: t.clock.now(),
      }),
    );
    const received = await sink.waitFor(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(received.map((m) => m.to[0])).not.toContain('rollback@example.jp');
    expect(received.at(-1)!.to).toEqual(['after@example.jp']);
    expect(received.at(-1)!.subject).toBe('[keiyaku デモストア] Test mail');
    expect(received.at(-1)!.text).toContain(
      'This is a test mail from keiyaku デモストア.\nRequested by: operator',
    );
  });
});

describe('mail without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is kept in the dev mailbox, rendered in Japanese with the store signature', async () => {
    t.clock.travelTo('2026-05-07T10:30:00+09:00');
    await t.ctx.db.transaction((tx) =>
      enqueueMail(tx, {
        template: 'smtp-test',
        locale: 'ja',
        to: 'taro@example.jp',
        payload: { requestedBy: '<script>alert(1)</script>' },
        now: t.clock.now(),
      }),
    );
    await t.startWorker();
    let mails = await listDevMailbox(t.ctx.db);
    for (let i = 0; i < 100 && mails.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      mails = await listDevMailbox(t.ctx.db);
    }
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toBe('taro@example.jp');
    expect(mail.subject).toBe('【keiyaku デモストア】テストメール');
    expect(mail.deliveredAt.toISOString()).toBe('2026-05-07T01:30:00.000Z');
    expect(mail.text).toBe(
      [
        'keiyaku デモストア からのテストメールです。',
        '送信を依頼した人: <script>alert(1)</script>',
        '',
        'このメールが読めれば、ストアのメール送信は正しく設定されています。',
        '',
        '―――――――――――――――――',
        'keiyaku デモストア',
        'http://127.0.0.1:3000',
        'support@keiyaku.invalid',
        '03-1234-5678',
        '受付時間: 平日 9:00〜18:00（土日祝・年末年始を除く）',
        '',
      ].join('\n'),
    );
    expect(mail.html).toContain('送信を依頼した人: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
  });
});

describe('a backlog of mail', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('is worked off job after job, not one job per polling interval', async () => {
    const recipients = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}@example.jp`);
    for (const to of recipients) {
      await t.ctx.db.transaction((tx) =>
        enqueueMail(tx, {
          template: 'smtp-test',
          locale: 'ja',
          to,
          payload: { requestedBy: 'x' },
          now: t.clock.now(),
        }),
      );
    }
    // With a one-minute poll, a worker that slept between jobs would deliver one mail in this test.
    await t.startWorker({ pollingIntervalSeconds: 60 });
    const received = await sink.waitFor(recipients.length, 30_000);
    expect(received.map((mail) => mail.to[0]).sort()).toEqual(recipients);
  });
});

describe('stopping the worker', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('lets a delivery in flight finish before it returns', async () => {
    sink.delayAnswers(1500);
    const outboxId = await t.ctx.db.transaction((tx) =>
      enqueueMail(tx, {
        template: 'smtp-test',
        locale: 'ja',
        to: 'slow@example.jp',
        payload: { requestedBy: 'x' },
        now: t.clock.now(),
      }),
    );
    const { boss, worker } = await t.startWorker();
    const deadline = Date.now() + 20_000;
    while (sink.started === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sink.started).toBe(1);
    expect(sink.received).toHaveLength(0);

    // The shutdown sequence of `keiyaku start`: stop fetching, then a graceful pg-boss stop.
    await worker.stop();
    await boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 });

    expect(sink.received.map((mail) => mail.to[0])).toEqual(['slow@example.jp']);
    const [row] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, outboxId));
    expect(row!.status).toBe('delivered');
  });
});
