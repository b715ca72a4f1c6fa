// Webhooks leave through their own outbox and a real worker, signed as the Standard Webhooks specification says.
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { webhookEndpoints, webhookMessages } from '../../src/db/schema/notifications.js';
import {
  createWebhookEndpoint,
  deliverWebhook,
  enqueueWebhook,
  parseWebhookEndpointUrl,
  resolveWebhookTarget,
  signWebhook,
  webhookSecretKey,
} from '../../src/modules/notifications/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const cli = { kind: 'cli' as const, id: null };

describe('webhook signing', () => {
  it('matches the specification’s published test vector', () => {
    // From the reference libraries' tests (standard-webhooks/standard-webhooks, "sign function works").
    const headers = signWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      Temporal.Instant.fromEpochMilliseconds(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('takes http(s) URLs without credentials (where they may point is checked against their addresses)', () => {
    expect(parseWebhookEndpointUrl('https://provider.example.jp/keiyaku')).toBe(
      'https://provider.example.jp/keiyaku',
    );
    expect(parseWebhookEndpointUrl('http://127.0.0.1:8080/hook')).toBe('http://127.0.0.1:8080/hook');
    for (const bad of [
      'ftp://provider.example.jp/hook',
      'https://user:pass@provider.example.jp/hook',
      'https://provider.example.jp/hook#x',
      'not a url',
    ]) {
      expect(() => parseWebhookEndpointUrl(bad), bad).toThrow(
        expect.objectContaining({ code: 'webhook_url_invalid', status: 422 }),
      );
    }
  });
});

describe('webhook delivery through the worker', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const sealingKey = () => webhookSecretKey(t.ctx.config.secret);
  // The receiver listens on this machine: reached only because the endpoint allows 127.0.0.1 explicitly.
  const target = (url: string) => resolveWebhookTarget(url, t.hosts);
  const thisMachine = ['127.0.0.1/32'];

  it('signs each attempt, keeps the id across a retry after a 500, and stores the secret sealed', async () => {
    t.clock.travelTo('2026-04-13T09:00:00+09:00');
    const resolved = await target(receiver.url);
    const endpoint = await t.ctx.db.transaction((tx) =>
      createWebhookEndpoint(tx, {
        target: resolved,
        allowedPrivateNetworks: thisMachine,
        description: 'デモ提供元',
        sealingKey: sealingKey(),
        actor: cli,
        now: t.clock.now(),
      }),
    );
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [stored] = await t.ctx.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpoint.id));
    expect(stored!.sealedSecret).not.toContain(endpoint.secret.slice(6, 20));
    const [audit] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, endpoint.id));
    expect(audit!.action).toBe('webhook_endpoint.created');
    expect(JSON.stringify(audit!.after)).not.toContain('whsec_');

    const messageId = await t.ctx.db.transaction((tx) =>
      enqueueWebhook(tx, {
        endpointId: endpoint.id,
        eventType: 'order.placed',
        data: { orderNumber: 'K2026-000001', lines: [{ product: 'クラウドサーバー' }] },
        now: t.clock.now(),
      }),
    );
    receiver.answerNext(500);
    await t.startWorker();
    const [first, second] = await receiver.waitFor(2);

    expect(first!.body).toBe(
      '{"type":"order.placed","timestamp":"2026-04-13T00:00:00Z","data":{"orderNumber":"K2026-000001","lines":[{"product":"クラウドサーバー"}]}}',
    );
    expect(second!.body).toBe(first!.body);
    expect(first!.path).toBe('/hooks/keiyaku');
    expect(first!.headers['content-type']).toBe('application/json');
    expect(first!.headers['webhook-id']).toBe(messageId);
    expect(second!.headers['webhook-id']).toBe(messageId);
    for (const attempt of [first!, second!]) {
      // Checked by hand from the specification (HMAC-SHA256 over "id.timestamp.body" with the
      // base64-decoded secret) and by the reference library's verifier.
      const timestamp = attempt.headers['webhook-timestamp'] as string;
      expect(timestamp).toBe(String(Date.parse('2026-04-13T00:00:00Z') / 1000));
      const expected = createHmac('sha256', Buffer.from(endpoint.secret.slice('whsec_'.length), 'base64'))
        .update(`${messageId}.${timestamp}.${attempt.body}`)
        .digest('base64');
      expect(attempt.headers['webhook-signature']).toBe(`v1,${expected}`);
    }
    // The reference verifier checks the timestamp against the system time: set it to the signing time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-13T00:00:30Z'));
    try {
      const verified = new Webhook(endpoint.secret).verify(
        first!.body,
        first!.headers as Record<string, string>,
      );
      expect(verified).toEqual(JSON.parse(first!.body));
    } finally {
      vi.useRealTimers();
    }

    const row = await waitForMessage(messageId, 'delivered');
    expect(row.attempts).toBe(2);
    expect(row.lastStatusCode).toBe(204);
    expect(row.deliveredAt?.toISOString()).toBe('2026-04-13T00:00:00.000Z');
  });

  it('disables an endpoint that answers 410 Gone and fails what is still queued for it', async () => {
    const resolved = await target(receiver.url);
    const endpoint = await t.ctx.db.transaction((tx) =>
      createWebhookEndpoint(tx, {
        target: resolved,
        allowedPrivateNetworks: thisMachine,
        description: '終了した提供元',
        sealingKey: sealingKey(),
        actor: cli,
        now: t.clock.now(),
      }),
    );
    const enqueue = () =>
      t.ctx.db.transaction((tx) =>
        enqueueWebhook(tx, {
          endpointId: endpoint.id,
          eventType: 'order.placed',
          data: {},
          now: t.clock.now(),
        }),
      );
    const gone = await enqueue();
    const before = receiver.received.length;
    receiver.answerNext(410);
    await receiver.waitFor(before + 1);
    const goneRow = await waitForMessage(gone, 'failed');
    expect(goneRow.lastStatusCode).toBe(410);
    const [disabled] = await t.ctx.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpoint.id));
    expect(disabled!.disabledAt).not.toBeNull();

    const later = await enqueue();
    const laterRow = await waitForMessage(later, 'failed');
    expect(laterRow.lastError).toBe('endpoint disabled');
    expect(receiver.received.length).toBe(before + 1);
  });

  it('records a failed attempt and leaves the message for the retry; the last attempt fails it', async () => {
    const resolved = await target('http://127.0.0.1:9/unreachable');
    const endpoint = await t.ctx.db.transaction((tx) =>
      createWebhookEndpoint(tx, {
        target: resolved,
        allowedPrivateNetworks: thisMachine,
        description: '到達しない',
        sealingKey: sealingKey(),
        actor: cli,
        now: t.clock.now(),
      }),
    );
    const messageId = await t.ctx.db.transaction((tx) =>
      enqueueWebhook(tx, {
        endpointId: endpoint.id,
        eventType: 'order.placed',
        data: {},
        now: t.clock.now(),
      }),
    );
    const attempt = (lastAttempt: boolean) =>
      deliverWebhook(t.ctx.db, {
        messageId,
        sealingKey: sealingKey(),
        now: t.clock.now(),
        lastAttempt,
        resolver: t.hosts,
      });
    await expect(attempt(false)).rejects.toThrow(/webhook msg_/);
    let [row] = await t.ctx.db.select().from(webhookMessages).where(eq(webhookMessages.id, messageId));
    expect(row!.attempts).toBe(1);
    expect(row!.status).not.toBe('failed');
    await expect(attempt(true)).rejects.toThrow(/webhook msg_/);
    [row] = await t.ctx.db.select().from(webhookMessages).where(eq(webhookMessages.id, messageId));
    expect(row!.attempts).toBe(2);
    expect(row!.status).toBe('failed');
  });

  async function waitForMessage(id: string, status: string) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row] = await t.ctx.db.select().from(webhookMessages).where(eq(webhookMessages.id, id));
      if (row?.status === status) return row;
      if (Date.now() > deadline) throw new Error(`message ${id} is ${row?.status}, not ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
