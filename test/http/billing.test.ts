// The billing API: the console closes a month (dry run, close, again), searches and reads invoices by role; My Page shows only the member's own.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { toDate } from '../../src/domain/clock.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { demoProductId, insertBillingContract, setInvoiceIssuer } from '../helpers/billing-fixtures.js';
import { Browser, registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let alice: SignedInMember;
let bob: SignedInMember;
let billing: SignedInOperator;
let catalog: SignedInOperator;

beforeAll(async () => {
  // April's invoices show on My Page from its reflection date, the 10th: the store is open on that day.
  t = await createTestApp({ clockStart: '2026-04-10T09:00:00+09:00' });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  await setInvoiceIssuer(t.ctx.db, {
    issuerName: '株式会社キーヤク',
    registrationNumber: 'T1020001071491',
    taxRounding: 'floor',
  });
  alice = await registerAndSignIn(t, {
    loginId: 'bill-alice',
    name: '請求 アリス',
    email: 'alice@example.jp',
  });
  bob = await registerAndSignIn(t, { loginId: 'bill-bob', name: '請求 ボブ', email: 'bob@example.jp' });
  const productId = await demoProductId(t.ctx.db);
  const at = toDate(t.clock.now());
  await insertBillingContract(t.ctx.db, {
    memberId: alice.memberId,
    productId,
    termMonths: 1,
    start: '2026-03-20',
    lines: [
      { code: 'a', amount: 105, taxRate: 10 },
      { code: 'b', amount: 105, taxRate: 10 },
      { code: 'c', amount: 105, taxRate: 10 },
      { code: 'food', amount: 1_255, taxRate: 8 },
    ],
    at,
  });
  await insertBillingContract(t.ctx.db, {
    memberId: bob.memberId,
    productId,
    termMonths: 12,
    start: '2025-04-01',
    lines: [{ code: 'year', amount: 120_000, taxRate: 10 }],
    at,
  });
  billing = await operatorSignedIn(t, 'billing-op', ['billing']);
  catalog = await operatorSignedIn(t, 'catalog-op', ['catalog']);
});
afterAll(() => t.close());

type RunBody = {
  run: {
    id: string;
    month: string;
    state: string;
    invoiceCount: number;
    totalAmount: number;
    taxAmount: number;
  };
  dryRun: boolean;
  alreadyClosed: boolean;
  written: { invoices: number; lines: number; total: number };
};

describe('POST and GET /api/admin/billing-runs', () => {
  it('refuses operators without a billing role and a malformed month, changing nothing', async () => {
    expect((await catalog.browser.send('/api/admin/billing-runs', 'POST', { month: '2026-04' })).status).toBe(
      403,
    );
    expect((await catalog.browser.send('/api/admin/billing-runs', 'GET')).status).toBe(403);
    expect((await catalog.browser.send('/api/admin/invoices', 'GET')).status).toBe(403);
    const bad = await billing.browser.send('/api/admin/billing-runs', 'POST', { month: '2026-4' });
    expect(bad.status).toBe(422);
    expect(await (await billing.browser.send('/api/admin/billing-runs', 'GET')).json()).toEqual({ runs: [] });
  });

  it('a dry run answers what the close writes; the close writes it, audited; a second close answers the first', async () => {
    const dry = await billing.browser.send('/api/admin/billing-runs', 'POST', {
      month: '2026-04',
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    const dryBody = (await dry.json()) as RunBody;
    // alice: 315 at 10% → ¥31, 1,255 at 8% → ¥100: ¥1,701. bob: 120,000 → ¥132,000.
    expect([dryBody.dryRun, dryBody.alreadyClosed, dryBody.written]).toEqual([
      true,
      false,
      { invoices: 2, lines: 5, total: 133_701 },
    ]);
    expect(await (await billing.browser.send('/api/admin/billing-runs', 'GET')).json()).toEqual({ runs: [] });

    const real = (await (
      await billing.browser.send('/api/admin/billing-runs', 'POST', { month: '2026-04' })
    ).json()) as RunBody;
    expect(real.written).toEqual(dryBody.written);
    expect(real.run).toMatchObject({
      month: '2026-04',
      state: 'completed',
      invoiceCount: 2,
      totalAmount: 133_701,
      taxAmount: 12_131,
    });
    const again = (await (
      await billing.browser.send('/api/admin/billing-runs', 'POST', { month: '2026-04' })
    ).json()) as RunBody;
    expect([again.alreadyClosed, again.run.id, again.written.invoices]).toEqual([true, real.run.id, 0]);
    const runs = (await (await billing.browser.send('/api/admin/billing-runs', 'GET')).json()) as {
      runs: { id: string }[];
    };
    expect(runs.runs.map((r) => r.id)).toEqual([real.run.id]);
    const audits = await t.ctx.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'billing_run'), eq(auditLog.targetId, real.run.id)));
    expect(audits.map((a) => `${a.action}:${a.actorId}`).sort()).toEqual([
      `billing.close_completed:${billing.operatorId}`,
      `billing.close_started:${billing.operatorId}`,
    ]);
  });
});

describe('invoices in the console', () => {
  it('searches by month and member and shows the qualified invoice', async () => {
    const list = (await (await billing.browser.send('/api/admin/invoices?month=2026-04', 'GET')).json()) as {
      invoices: { id: string; memberId: string; number: string; total: number }[];
      total: number;
    };
    expect(list.total).toBe(2);
    const mine = (await (
      await billing.browser.send(`/api/admin/invoices?memberId=${alice.memberId}`, 'GET')
    ).json()) as typeof list;
    expect(mine.invoices.map((i) => i.total)).toEqual([1_701]);
    const detail = await billing.browser.send(`/api/admin/invoices/${mine.invoices[0]!.id}`, 'GET');
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { memberId: string; rates: unknown; registrationNumber: string };
    expect(body.memberId).toBe(alice.memberId);
    expect(body.registrationNumber).toBe('T1020001071491');
    expect(body.rates).toEqual([
      { percent: 10, reduced: false, taxableAmount: 315, tax: 31 },
      { percent: 8, reduced: true, taxableAmount: 1_255, tax: 100 },
    ]);
    expect((await billing.browser.send('/api/admin/invoices/inv_nope', 'GET')).status).toBe(404);
  });
});

describe('My Page invoices', () => {
  it('lists and shows only the signed-in member’s invoices; another member’s id is 404', async () => {
    const list = (await (await alice.browser.send('/api/mypage/invoices', 'GET')).json()) as {
      invoices: {
        id: string;
        month: string;
        status: string;
        statusLabel: { ja: string; en: string };
        total: number;
      }[];
      total: number;
    };
    expect(list.total).toBe(1);
    expect(list.invoices.map((i) => [i.month, i.status, i.statusLabel, i.total])).toEqual([
      ['2026-04', 'issued', { ja: '請求済（未入金）', en: 'Issued (unpaid)' }, 1_701],
    ]);
    const detail = (await (
      await alice.browser.send(`/api/mypage/invoices/${list.invoices[0]!.id}`, 'GET')
    ).json()) as {
      number: string;
      issuerName: string;
      lines: {
        code: string;
        amount: number;
        reducedMarker: boolean;
        serviceFrom: string;
        serviceThrough: string;
      }[];
      subtotal: number;
      tax: number;
      total: number;
    };
    expect(detail.number).toMatch(/^INV2026-000000[12]$/);
    expect(detail.issuerName).toBe('株式会社キーヤク');
    expect([detail.subtotal, detail.tax, detail.total]).toEqual([1_570, 131, 1_701]);
    expect(
      detail.lines.map((l) => [l.code, l.amount, l.reducedMarker, l.serviceFrom, l.serviceThrough]),
    ).toEqual([
      ['a', 105, false, '2026-04-20', '2026-05-19'],
      ['b', 105, false, '2026-04-20', '2026-05-19'],
      ['c', 105, false, '2026-04-20', '2026-05-19'],
      ['food', 1_255, true, '2026-04-20', '2026-05-19'],
    ]);

    const bobs = (await (await bob.browser.send('/api/mypage/invoices', 'GET')).json()) as {
      invoices: { id: string }[];
    };
    expect(bobs.invoices).toHaveLength(1);
    const cross = await alice.browser.send(`/api/mypage/invoices/${bobs.invoices[0]!.id}`, 'GET');
    expect(cross.status).toBe(404);
    expect(((await cross.json()) as { code: string }).code).toBe('invoice_not_found');
    const stranger = new Browser(t);
    expect((await stranger.send('/api/mypage/invoices', 'GET')).status).toBe(401);
    expect((await stranger.send(`/api/mypage/invoices/${bobs.invoices[0]!.id}`, 'GET')).status).toBe(401);
  });
});
