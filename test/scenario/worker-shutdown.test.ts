// A node stopped while a job runs: the job finishes and is marked, or goes back to the queue, and nothing reaches a closed pool.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/modules/notifications/index.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

async function mailJobs(t: TestApp): Promise<{ state: string; retryCount: number }[]> {
  const { rows } = await t.ctx.database.executeSql(
    "SELECT state, retry_count FROM pgboss.job WHERE name = 'mail.deliver' ORDER BY created_on",
  );
  return rows.map((row) => ({ state: String(row.state), retryCount: Number(row.retry_count) }));
}

async function outboxStatus(t: TestApp, outboxId: string): Promise<{ status: string; attempts: number }> {
  const { rows } = await t.ctx.database.executeSql('SELECT status, attempts FROM outbox WHERE id = $1', [
    outboxId,
  ]);
  return { status: String(rows[0]!.status), attempts: Number(rows[0]!.attempts) };
}

async function queueMail(t: TestApp): Promise<string> {
  return t.ctx.db.transaction((tx) =>
    enqueueMail(tx, {
      template: 'smtp-test',
      locale: 'ja',
      to: 'hanako@example.jp',
      payload: { requestedBy: '運営者 山田' },
      now: t.clock.now(),
    }),
  );
}

describe('stopping a node while a job runs', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await sink.close();
  });
  afterEach(() => {
    sink.received.length = 0;
    sink.started = 0;
  });

  it('lets the slow delivery finish, marks its job completed before the stop resolves, and closes cleanly', async () => {
    const t = await createTestApp({ smtpUrl: sink.url });
    const outboxId = await queueMail(t);
    const release = sink.holdAnswers();
    const jobs = await t.startWorker();
    await sink.waitForStarted(1);

    const stopping = jobs.stop(30_000);
    release();
    await stopping;

    // Nothing of the job is left in flight: its outcome is already written when the stop resolves.
    expect(await mailJobs(t)).toEqual([{ state: 'completed', retryCount: 0 }]);
    expect(await outboxStatus(t, outboxId)).toEqual({ status: 'delivered', attempts: 1 });
    expect(sink.received).toHaveLength(1);

    await t.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });

  it('hands a job still running after the grace period back to the queue, and it is retried once', async () => {
    const t = await createTestApp({ smtpUrl: sink.url });
    try {
      const outboxId = await queueMail(t);
      const release = sink.holdAnswers();
      const first = await t.startWorker();
      await sink.waitForStarted(1);

      await first.stop(100);
      // The queue has it back for a retry (pg-boss counts the retry when it is fetched), whatever the abandoned handler does next.
      expect(await mailJobs(t)).toEqual([{ state: 'retry', retryCount: 0 }]);

      // The hung server answers at last: the abandoned handler records the delivery, but never reports
      // to the queue again, so the job is not completed twice.
      release();
      await sink.waitFor(1);
      await waitUntil(async () => (await outboxStatus(t, outboxId)).status === 'delivered');
      expect(await mailJobs(t)).toEqual([{ state: 'retry', retryCount: 0 }]);

      // The next node takes the retry; the mail was delivered already, so nothing is sent twice.
      await t.startWorker();
      await waitUntil(async () => (await mailJobs(t))[0]?.state === 'completed');
      expect(await mailJobs(t)).toEqual([{ state: 'completed', retryCount: 1 }]);
      expect(sink.received).toHaveLength(1);
      expect(await outboxStatus(t, outboxId)).toEqual({ status: 'delivered', attempts: 1 });
    } finally {
      await t.close();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
