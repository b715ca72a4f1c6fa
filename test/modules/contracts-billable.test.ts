// Billing's read model: which contracts have paid days in a period, from the dates the contract carries, on both databases.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogProducts } from '../../src/db/schema/catalog.js';
import { contracts } from '../../src/db/schema/contracts.js';
import { authUser, members } from '../../src/db/schema/identity.js';
import { FakeClock, toDate } from '../../src/domain/clock.js';
import { newId } from '../../src/domain/ids.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { listBillableContracts } from '../../src/modules/contracts/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
const clock = new FakeClock('2026-04-01T10:00:00+09:00');
let memberId: string;
let productId: string;
const db = () => database.handle.db;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoCatalog(db(), { actor: { kind: 'cli', id: 'test' }, now: clock.now() });
  const [product] = await db()
    .select({ id: catalogProducts.id })
    .from(catalogProducts)
    .where(eq(catalogProducts.slug, 'cloud-server'));
  productId = product!.id;
  memberId = newId('member');
  const at = toDate(clock.now());
  await db()
    .insert(authUser)
    .values({
      id: memberId,
      name: '請求 太郎',
      email: `${memberId}@members.keiyaku.invalid`,
      createdAt: at,
      updatedAt: at,
    });
  await db().insert(members).values({
    id: memberId,
    loginId: memberId,
    name: '請求 太郎',
    nameKana: 'セイキュウ タロウ',
    email: 'billing@example.jp',
    locale: 'ja',
    status: 'active',
    termsVersion: '2026-04-01',
    termsAcceptedAt: at,
    createdAt: at,
  });
});
afterAll(() => database.drop());

let sequence = 0;

/** A monthly contract as opening one writes it, with the dates that matter here. */
async function contract(dates: {
  status: (typeof contracts.$inferInsert)['status'];
  start: string;
  termEnd: string;
  trialEnd?: string;
  end?: string;
}): Promise<string> {
  sequence += 1;
  const id = newId('contract');
  const at = toDate(clock.now());
  await db()
    .insert(contracts)
    .values({
      id,
      number: `C2026-${String(sequence).padStart(6, '0')}`,
      memberId,
      orderId: `ord_${sequence}`,
      orderNumber: `K2026-${String(sequence).padStart(6, '0')}`,
      orderLineId: `oln_${sequence}`,
      productId,
      providerId: 'prv_test',
      productNameJa: 'クラウドサーバー',
      productNameEn: 'Cloud server',
      plan: 'large',
      term: 'monthly',
      termMonths: 1,
      quantity: 1,
      options: [],
      pricing: { lines: [], monthlyAmount: 19800, termAmount: 19800, oneTimeAmount: 0 },
      termAmount: 19800n,
      paymentMethod: dates.trialEnd ? null : 'card',
      status: dates.status,
      startDate: dates.start,
      currentTermStart: dates.start,
      currentTermEnd: dates.termEnd,
      minimumTermMonths: 0,
      earlyTermination: 'none',
      renewalMode: 'auto',
      trialEnd: dates.trialEnd ?? null,
      locale: 'ja',
      endDate: dates.end ?? null,
      startedAt: at,
      updatedAt: at,
    });
  return id;
}

describe('contracts billable in a period', () => {
  it('answers by paid days: a trial from the day after it ends, an ending contract through its last day', async () => {
    const running = await contract({ status: 'active', start: '2026-03-10', termEnd: '2026-04-09' });
    const startsInMay = await contract({ status: 'active', start: '2026-05-01', termEnd: '2026-05-31' });
    const endedInMarch = await contract({
      status: 'ended',
      start: '2026-01-01',
      termEnd: '2026-01-31',
      end: '2026-03-31',
    });
    const endsOnFirstOfApril = await contract({
      status: 'cancellation_scheduled',
      start: '2026-02-01',
      termEnd: '2026-04-30',
      end: '2026-04-01',
    });
    const trialIntoApril = await contract({
      status: 'trial',
      start: '2026-03-20',
      termEnd: '2026-04-18',
      trialEnd: '2026-04-18',
    });
    const trialAllApril = await contract({
      status: 'trial',
      start: '2026-04-01',
      termEnd: '2026-04-30',
      trialEnd: '2026-04-30',
    });
    const trialEndedUnpaid = await contract({
      status: 'ended',
      start: '2026-03-01',
      termEnd: '2026-03-30',
      trialEnd: '2026-03-30',
      end: '2026-03-30',
    });

    const april = await listBillableContracts(db(), {
      from: '2026-04-01',
      through: '2026-04-30',
      limit: 100,
    });
    const expected = [
      [running, '2026-03-10', null],
      [endsOnFirstOfApril, '2026-02-01', '2026-04-01'],
      [trialIntoApril, '2026-04-19', null],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(april.map((c) => [c.id, c.billableFrom, c.billableUntil])).toEqual(expected);
    expect(april.find((c) => c.id === running)).toMatchObject({
      number: expect.stringMatching(/^C2026-/),
      memberId,
      termAmount: 19800,
      status: 'active',
      paymentMethod: 'card',
      currentTermStart: '2026-03-10',
      currentTermEnd: '2026-04-09',
    });

    const may = await listBillableContracts(db(), { from: '2026-05-01', through: '2026-05-31', limit: 100 });
    expect(may.map((c) => c.id).sort()).toEqual([running, startsInMay, trialIntoApril, trialAllApril].sort());
    const march = await listBillableContracts(db(), {
      from: '2026-03-01',
      through: '2026-03-31',
      limit: 100,
    });
    expect(march.map((c) => c.id).sort()).toEqual([running, endedInMarch, endsOnFirstOfApril].sort());
    expect(march.map((c) => c.id)).not.toContain(trialEndedUnpaid);
  });

  it('reads in batches by id', async () => {
    const all = await listBillableContracts(db(), { from: '2026-05-01', through: '2026-05-31', limit: 100 });
    const first = await listBillableContracts(db(), { from: '2026-05-01', through: '2026-05-31', limit: 3 });
    const rest = await listBillableContracts(db(), {
      from: '2026-05-01',
      through: '2026-05-31',
      afterId: first.at(-1)!.id,
      limit: 3,
    });
    expect([...first, ...rest].map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(rest).toHaveLength(1);
  });
});
