// The charge routes over HTTP: a provider's usage with its key (replay, refusal with the record's position), and an operator's adjustment with billing.adjust, audited.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { toDate } from '../../src/domain/clock.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { createProvider } from '../../src/modules/catalog/index.js';
import { issueProviderApiKey } from '../../src/modules/provisioning/index.js';
import { demoProductId, insertBillingContract, insertBillingMember } from '../helpers/billing-fixtures.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let billing: SignedInOperator;
let support: SignedInOperator;
let key = '';
let otherKey = '';
let contractId = '';
let memberId = '';
const actor = { kind: 'cli' as const, id: 'test' };

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  billing = await operatorSignedIn(t, 'charges-billing', ['billing']);
  support = await operatorSignedIn(t, 'charges-support', ['support']);
  await seedDemoCatalog(t.ctx.db, { actor, now: t.clock.now() });
  const make = async (slug: string) => {
    const created = await createProvider(t.ctx.db, {
      provider: { slug, nameJa: slug, nameEn: slug, contactEmails: [`ops@${slug}.example`] },
      actor,
      now: t.clock.now(),
    });
    const issued = await issueProviderApiKey(t.ctx.db, {
      providerId: created.provider.id,
      label: slug,
      actor,
      now: t.clock.now(),
    });
    return { id: created.provider.id, key: issued.key };
  };
  const mine = await make('usage-partner');
  const other = await make('other-partner');
  key = mine.key;
  otherKey = other.key;
  memberId = await insertBillingMember(t.ctx.db, '従量 会員', toDate(t.clock.now()));
  contractId = await insertBillingContract(t.ctx.db, {
    memberId,
    productId: await demoProductId(t.ctx.db),
    providerId: mine.id,
    termMonths: 1,
    start: '2026-03-15',
    lines: [{ code: 'base', amount: 3_000, taxRate: 10 }],
    at: toDate(t.clock.now()),
  });
  // Usage and the adjustment are dated 20 April (sign-in mails are sent before the clock moves).
  t.clock.travelTo('2026-04-20T10:00:00+09:00');
});
afterAll(() => t.close());

const record = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: 'h-1',
  contractId,
  code: 'transfer_gb',
  quantity: 3,
  periodFrom: '2026-04-01',
  periodThrough: '2026-04-30',
  unitPrice: 100,
  ...over,
});
const post = (bearer: string, records: unknown[]) =>
  t.request('/api/provider/v1/usage', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ records }),
  });

describe('POST /api/provider/v1/usage', () => {
  it('records, replays the first result, refuses with the position, and hides other providers’ contracts', async () => {
    const first = await post(key, [record()]);
    expect(first.status).toBe(200);
    const body = (await first.json()) as {
      records: { chargeId: string; amount: number; replayed: boolean }[];
    };
    expect(body.records.map((r) => [r.amount, r.replayed])).toEqual([[300, false]]);
    const again = (await (await post(key, [record()])).json()) as typeof body;
    expect(again.records).toEqual([{ ...body.records[0], replayed: true }]);

    const bad = await post(key, [
      record({ idempotencyKey: 'h-2' }),
      record({ idempotencyKey: 'h-3', quantity: -2 }),
    ]);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: 'usage_quantity_invalid', position: '1' });
    const conflict = await post(key, [record({ quantity: 4 })]);
    expect([conflict.status, ((await conflict.json()) as { code: string }).code]).toEqual([
      409,
      'usage_idempotency_conflict',
    ]);
    const foreign = await post(otherKey, [record({ idempotencyKey: 'h-4' })]);
    expect(await foreign.json()).toMatchObject({ code: 'usage_contract_unknown', position: '0' });
    expect((await post('kpk_nope', [record()])).status).toBe(401);
    // Nothing of the refused requests was applied: h-2 is new when sent alone.
    const h2 = (await (await post(key, [record({ idempotencyKey: 'h-2' })])).json()) as typeof body;
    expect(h2.records[0]!.replayed).toBe(false);
  });
});

describe('POST /api/admin/members/{memberId}/billing-adjustments', () => {
  const path = () => `/api/admin/members/${memberId}/billing-adjustments`;
  const input = {
    amount: -500,
    descriptionJa: '障害お詫び',
    descriptionEn: 'Outage credit',
    reason: '4月12日の障害',
  };

  it('needs billing.adjust, refuses zero and a blank reason, and is audited with the reason', async () => {
    expect((await support.browser.send(path(), 'POST', input)).status).toBe(403);
    const zero = await billing.browser.send(path(), 'POST', { ...input, amount: 0 });
    expect([zero.status, ((await zero.json()) as { code: string }).code]).toEqual([
      422,
      'adjustment_amount_zero',
    ]);
    const blank = await billing.browser.send(path(), 'POST', { ...input, reason: ' ' });
    expect(((await blank.json()) as { code: string }).code).toBe('adjustment_reason_required');
    const done = await billing.browser.send(path(), 'POST', input);
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({
      memberId,
      amount: -500,
      taxPercent: 10,
      transactionDate: '2026-04-20',
    });
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'billing.adjustment_recorded'));
    expect(audits.map((a) => [a.actorId, a.targetId, a.reason])).toEqual([
      [billing.operatorId, memberId, '4月12日の障害'],
    ]);
  });
});
