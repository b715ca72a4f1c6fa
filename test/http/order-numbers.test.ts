// Order numbers: sequential per Tokyo calendar year, restarting at the Tokyo new year, in the store's format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateOrderNumber } from '../../src/modules/ordering/index.js';
import { getStoreSettings } from '../../src/modules/store/index.js';
import { operatorSignedIn } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
});
afterAll(async () => {
  await t.close();
});

async function next(): Promise<string> {
  const { orderNumberFormat } = await getStoreSettings(t.ctx.db);
  return t.ctx.db.transaction(
    async (tx) => (await allocateOrderNumber(tx, { format: orderNumberFormat, now: t.clock.now() })).number,
  );
}

describe('order numbers', () => {
  it('count up within a year in the default format', async () => {
    t.clock.travelTo('2026-04-01T09:00:00+09:00');
    expect(await next()).toBe('K2026-000001');
    expect(await next()).toBe('K2026-000002');
  });

  it('restart at the new year in Tokyo, not in UTC', async () => {
    t.clock.travelTo('2026-12-31T23:59:59+09:00');
    expect(await next()).toBe('K2026-000003');
    // 00:00 on 1 January in Tokyo is still 31 December in UTC.
    t.clock.travelTo('2027-01-01T00:00:00+09:00');
    expect(t.clock.now().toString()).toBe('2026-12-31T15:00:00Z');
    expect(await next()).toBe('K2027-000001');
    expect(await next()).toBe('K2027-000002');
  });

  it('are never reused when a transaction takes one and rolls back', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await allocateOrderNumber(tx, { format: 'K{YYYY}-{SEQ:6}', now: t.clock.now() });
        throw new Error('the order failed');
      }),
    ).rejects.toThrow('the order failed');
    // The rolled-back number was never given out, so the next one follows the last one given.
    expect(await next()).toBe('K2027-000003');
  });

  it('take the format the owner sets in the store settings, which is validated', async () => {
    const owner = (await operatorSignedIn(t, 'numbers-owner', ['owner'])).browser;
    expect(await (await owner.send('/api/admin/store', 'GET')).json()).toMatchObject({
      orderNumberFormat: 'K{YYYY}-{SEQ:6}',
    });
    const bad = await owner.send('/api/admin/store', 'PATCH', { orderNumberFormat: 'ORDER-{SEQ:4}' });
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'orderNumberFormat', code: 'order_number_format_invalid' }),
    ]);
    expect(problem.errors[0].message.ja).toContain('{YYYY} か {YY} を 1 つ');
    const good = await owner.send('/api/admin/store', 'PATCH', { orderNumberFormat: 'ORD-{YY}{SEQ:4}' });
    expect(good.status).toBe(200);
    expect((await good.json()).orderNumberFormat).toBe('ORD-{YY}{SEQ:4}');
    expect(await next()).toBe('ORD-270004');
  });
});
