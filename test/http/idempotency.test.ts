// An Idempotency-Key makes a POST happen once: retries replay the first answer, concurrent twins are refused.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { idempotencyKeys } from '../../src/db/schema/idempotency.js';
import { idempotent } from '../../src/http/middleware/idempotency.js';
import { recordAudit } from '../../src/modules/audit/index.js';
import { ABANDONED_CLAIM_SECONDS } from '../../src/modules/idempotency/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let failuresLeft = 0;

describe('Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      extraRoutes: (app) => {
        // Stands in for "place an order": one audited row per request that really runs.
        app.post(
          '/api/test/things',
          idempotent((c) => `member:${c.req.header('x-test-member') ?? 'nobody'}`),
          async (c) => {
            const { name, slow } = await c.req.json<{ name: string; slow?: boolean }>();
            if (failuresLeft > 0) {
              failuresLeft -= 1;
              throw new Error('the database went away');
            }
            if (slow) await new Promise((resolve) => setTimeout(resolve, 400));
            const ctx = c.get('ctx');
            const id = await recordAudit(ctx.db, {
              actor: { kind: 'system', id: null },
              action: 'test.thing_created',
              targetType: 'thing',
              targetId: name,
              at: ctx.clock.now(),
            });
            return c.json({ id, name }, 201);
          },
        );
      },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (key: string | null, body: unknown, member = 'mem_a') =>
    t.request('/api/test/things', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-test-member': member,
        ...(key === null ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
  const made = async (name: string) =>
    (await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, name))).length;

  it('replays the first answer to a retry with the same key and does the work once', async () => {
    const first = await post('k-1', { name: 'once' });
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    const again = await post('k-1', { name: 'once' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    expect(await made('once')).toBe(1);
  });

  it('refuses a request without a key, and the same key with another body', async () => {
    const missing = await post(null, { name: 'nokey' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).code).toBe('idempotency_key_missing');
    expect((await post('has space', { name: 'nokey' })).status).toBe(400);

    expect((await post('k-2', { name: 'first' })).status).toBe(201);
    const reused = await post('k-2', { name: 'second' });
    expect(reused.status).toBe(422);
    const problem = await reused.json();
    expect(problem.code).toBe('idempotency_key_reused');
    expect(problem.messages.ja).toContain('別の内容の操作');
    expect(await made('second')).toBe(0);
  });

  it('keeps each member’s keys apart', async () => {
    expect((await post('shared', { name: 'a-thing' }, 'mem_a')).status).toBe(201);
    const other = await post('shared', { name: 'a-thing' }, 'mem_b');
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await made('a-thing')).toBe(2);
  });

  it('lets the retry run again after a server error', async () => {
    failuresLeft = 1;
    expect((await post('k-3', { name: 'after-500' })).status).toBe(500);
    expect(await made('after-500')).toBe(0);
    const retry = await post('k-3', { name: 'after-500' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await made('after-500')).toBe(1);
  });

  it('answers 409 to a twin that arrives while the first is still running, and does the work once', async () => {
    const [a, b] = await Promise.all([
      post('k-4', { name: 'twins', slow: true }),
      post('k-4', { name: 'twins', slow: true }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect((await refused.json()).code).toBe('idempotency_request_in_progress');
    expect(await made('twins')).toBe(1);
    const later = await post('k-4', { name: 'twins', slow: true });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
  });

  it('takes over a claim abandoned by a crashed process', async () => {
    await t.ctx.db.insert(idempotencyKeys).values({
      scope: 'member:mem_a',
      key: 'k-5',
      fingerprint: 'left by a process that died',
      status: 'in_progress',
      createdAt: new Date(t.clock.now().epochMilliseconds - (ABANDONED_CLAIM_SECONDS + 1) * 1000),
    });
    // The fingerprint differs, so this is refused as reuse: a crash never lets a different request in.
    expect((await post('k-5', { name: 'crash' })).status).toBe(422);
    await t.ctx.db
      .update(idempotencyKeys)
      .set({ fingerprint: await fingerprintOf({ name: 'crash' }) })
      .where(eq(idempotencyKeys.key, 'k-5'));
    expect((await post('k-5', { name: 'crash' })).status).toBe(201);
    expect(await made('crash')).toBe(1);
  });
});

async function fingerprintOf(body: unknown): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256')
    .update(`POST /api/test/things\n${JSON.stringify(body)}`)
    .digest('hex');
}
