// The failed-delivery queue through HTTP: failed mails and webhooks listed with masked recipients, retried once, audited, support only.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { devMailbox, outbox, webhookEndpoints, webhookMessages } from '../../src/db/schema/notifications.js';
import { newId } from '../../src/domain/ids.js';
import { enqueueMail } from '../../src/modules/notifications/index.js';
import { getStoreSettings } from '../../src/modules/store/index.js';
import { waitForMail } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let support: SignedInOperator;
let billing: SignedInOperator;
beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  support = await operatorSignedIn(t, 'deliveries-support', ['support']);
  billing = await operatorSignedIn(t, 'deliveries-billing', ['billing']);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const isPgLite = !process.env.DATABASE_URL;

/** A mail the worker delivered, then marked failed as SMTP's last refusal would leave it. */
async function deliveredThenFailedMail(to: string): Promise<string> {
  const id = await enqueueMail(t.ctx.db, {
    template: 'member-sign-in-code',
    locale: 'ja',
    to,
    payload: { name: '山田 太郎', code: '123456', validMinutes: 10 },
    now: t.clock.now(),
  });
  await waitForMail(t, (m) => m.outboxId === id, `the mail ${id}`);
  await t.ctx.db.delete(devMailbox).where(eq(devMailbox.outboxId, id));
  await t.ctx.db
    .update(outbox)
    .set({ status: 'failed', attempts: 5, lastError: `550 5.1.1 <${to}>: Recipient address rejected` })
    .where(eq(outbox.id, id));
  return id;
}

async function failedWebhook(disabled: boolean): Promise<string> {
  const endpointId = newId('webhookEndpoint');
  await t.ctx.db.insert(webhookEndpoints).values({
    id: endpointId,
    url: `https://hooks-${disabled ? 'off' : 'on'}.provider.example/keiyaku`,
    description: 'test',
    sealedSecret: 'unused',
    createdAt: new Date('2026-03-31T00:00:00Z'),
    disabledAt: disabled ? new Date('2026-03-31T01:00:00Z') : null,
    disabledReason: disabled ? '410 Gone' : null,
  });
  const id = newId('webhookMessage');
  await t.ctx.db.insert(webhookMessages).values({
    id,
    endpointId,
    eventType: 'provisioning.requested',
    body: '{}',
    status: 'failed',
    attempts: 8,
    lastStatusCode: 503,
    lastError: '503 Service Unavailable',
    createdAt: new Date(disabled ? '2026-03-31T02:00:00Z' : '2026-03-31T03:00:00Z'),
  });
  return id;
}

describe('failed deliveries', () => {
  it('lists failed mail and webhooks, newest first, with the recipient masked, to support only', async () => {
    const mailId = await deliveredThenFailedMail('taro.yamada@example.jp');
    const offId = await failedWebhook(true);
    const onId = await failedWebhook(false);
    const store = await getStoreSettings(t.ctx.db);

    const res = await support.browser.send('/api/admin/deliveries/failed', 'GET');
    expect(res.status).toBe(200);
    const { deliveries } = (await res.json()) as { deliveries: Record<string, unknown>[] };
    expect(deliveries.map((d) => d.id)).toEqual([mailId, onId, offId]);
    expect(deliveries[0]).toEqual({
      kind: 'mail',
      id: mailId,
      recipient: 't***@example.jp',
      subject: `【${store.name}】ログイン確認コード`,
      eventType: null,
      attempts: 5,
      reason: '550 5.1.1 <t***@example.jp>: Recipient address rejected',
      providerCode: null,
      createdAt: '2026-04-01T00:00:00.000Z',
      retryable: true,
    });
    expect(deliveries[1]).toMatchObject({
      kind: 'webhook',
      recipient: 'hooks-on.provider.example',
      eventType: 'provisioning.requested',
      providerCode: '503',
      retryable: true,
    });
    expect(deliveries[2]).toMatchObject({ recipient: 'hooks-off.provider.example', retryable: false });
    expect(JSON.stringify(deliveries)).not.toContain('taro.yamada');

    const refused = await billing.browser.send('/api/admin/deliveries/failed', 'GET');
    expect(refused.status).toBe(403);
    const retryRefused = await billing.browser.send(`/api/admin/deliveries/message/${mailId}/retry`, 'POST');
    expect(retryRefused.status).toBe(403);
    expect((await t.ctx.db.select().from(outbox).where(eq(outbox.id, mailId)))[0]!.status).toBe('failed');

    const disabled = await support.browser.send(`/api/admin/deliveries/webhook/${offId}/retry`, 'POST');
    expect(disabled.status).toBe(409);
    expect((await disabled.json()).code).toBe('webhook_endpoint_disabled');
    const missing = await support.browser.send('/api/admin/deliveries/message/obx_missing/retry', 'POST');
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe('delivery_not_found');
  });

  it('retries a failed mail once: the worker sends it again with the same Message-ID, and the retry is audited', async () => {
    const mailId = await deliveredThenFailedMail('hanako@example.jp');
    const [before] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, mailId));

    const res = await support.browser.send(`/api/admin/deliveries/message/${mailId}/retry`, 'POST');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'pending' });
    const again = await support.browser.send(`/api/admin/deliveries/message/${mailId}/retry`, 'POST');
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('delivery_retry_not_needed');

    // The first job's id is spent; the retry's job has its own, so the worker really sends it.
    const resent = await waitForMail(t, (m) => m.outboxId === mailId, 'the retried mail');
    expect(resent.messageId).toBe(before!.messageId);
    const [after] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, mailId));
    expect(after!.status).toBe('delivered');
    expect(after!.attempts).toBe(6);

    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'delivery.retried'), eq(auditLog.targetId, mailId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorKind: 'operator',
      actorId: support.operatorId,
      targetType: 'outbox_mail',
      before: {
        status: 'failed',
        attempts: 5,
        lastError: '550 5.1.1 <h***@example.jp>: Recipient address rejected',
      },
      after: { status: 'pending' },
    });
    const listed = (await (await support.browser.send('/api/admin/deliveries/failed', 'GET')).json()) as {
      deliveries: { id: string }[];
    };
    expect(listed.deliveries.map((d) => d.id)).not.toContain(mailId);
  });

  it.skipIf(isPgLite)(
    'retries a failed webhook once when two operators click at the same time (PostgreSQL only: PGlite runs one connection)',
    async () => {
      const id = await failedWebhook(false);
      const [a, b] = await Promise.all([
        support.browser.send(`/api/admin/deliveries/webhook/${id}/retry`, 'POST'),
        support.browser.send(`/api/admin/deliveries/webhook/${id}/retry`, 'POST'),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const audits = await t.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'delivery.retried'), eq(auditLog.targetId, id)));
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ targetType: 'webhook_message' });
    },
  );
});
