// The receivables ledger in the console: payments recorded by hand (partial, full, a double transfer flagged), refunds, credit applied to the next invoice, write-offs, twins, and the open-balance withdrawal blocker.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { invoices, receivableEntries } from '../../src/db/schema/billing-invoices.js';
import { contracts } from '../../src/db/schema/contracts.js';
import { toDate } from '../../src/domain/clock.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { demoProductId, insertBillingContract, setInvoiceIssuer } from '../helpers/billing-fixtures.js';
import { memberTestPassword, registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const m: Record<'alice' | 'bob' | 'carol' | 'dave' | 'erin', SignedInMember> = {} as never;
let billing: SignedInOperator;
let support: SignedInOperator;
let catalog: SignedInOperator;
const aprilInvoice: Record<string, string> = {};

type Problem = { code: string; messages: { ja: string; en: string } };

async function invoiceOf(
  memberId: string,
  month: string,
): Promise<{ id: string; number: string; total: number }> {
  const res = await billing.browser.send(`/api/admin/invoices?memberId=${memberId}&month=${month}`, 'GET');
  const body = (await res.json()) as { invoices: { id: string; number: string; total: number }[] };
  expect(body.invoices).toHaveLength(1);
  return body.invoices[0]!;
}

async function pay(invoiceId: string, amount: number, receivedOn = '2026-04-01') {
  return billing.browser.send(`/api/admin/invoices/${invoiceId}/payments`, 'POST', {
    amount,
    receivedOn,
    method: 'bank_transfer',
    note: 'みずほ 振込',
  });
}

async function statusOf(invoiceId: string): Promise<string> {
  const [row] = await t.ctx.db
    .select({ status: invoices.status })
    .from(invoices)
    .where(eq(invoices.id, invoiceId));
  return row!.status;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  await setInvoiceIssuer(t.ctx.db, {
    issuerName: '株式会社キーヤク',
    registrationNumber: 'T1020001071491',
    taxRounding: 'floor',
  });
  const productId = await demoProductId(t.ctx.db);
  const at = toDate(t.clock.now());
  for (const name of ['alice', 'bob', 'carol', 'dave', 'erin'] as const) {
    m[name] = await registerAndSignIn(t, {
      loginId: `ledger-${name}`,
      name: `台帳 ${name}`,
      email: `${name}@example.jp`,
    });
    // A monthly contract from 20 March: billed 1,000 + 10% = ¥1,100 for each month it renews in.
    await insertBillingContract(t.ctx.db, {
      memberId: m[name].memberId,
      productId,
      termMonths: 1,
      start: '2026-03-20',
      lines: [{ code: 'base', amount: name === 'bob' ? 30_000 : 1_000, taxRate: 10 }],
      at,
    });
  }
  billing = await operatorSignedIn(t, 'ledger-billing', ['billing']);
  support = await operatorSignedIn(t, 'ledger-support', ['support']);
  catalog = await operatorSignedIn(t, 'ledger-catalog', ['catalog']);
  expect((await billing.browser.send('/api/admin/billing-runs', 'POST', { month: '2026-04' })).status).toBe(
    200,
  );
  for (const name of Object.keys(m)) {
    aprilInvoice[name] = (await invoiceOf(m[name as keyof typeof m].memberId, '2026-04')).id;
  }
});
afterAll(() => t.close());

describe('payments recorded by an operator', () => {
  it('refuses roles without the permission, a future date and a draft of nothing, writing nothing', async () => {
    const id = aprilInvoice.alice!;
    const body = { amount: 100, receivedOn: '2026-04-01', method: 'bank_transfer' };
    expect((await support.browser.send(`/api/admin/invoices/${id}/payments`, 'POST', body)).status).toBe(403);
    expect((await catalog.browser.send(`/api/admin/invoices/${id}/ledger`, 'GET')).status).toBe(403);
    const future = await pay(id, 100, '2026-04-02');
    expect(future.status).toBe(422);
    expect(((await future.json()) as Problem).code).toBe('ledger_date_in_future');
    const unknown = await pay('inv_unknown', 100);
    expect([unknown.status, ((await unknown.json()) as Problem).code]).toEqual([404, 'invoice_not_found']);
    const zero = await billing.browser.send(`/api/admin/invoices/${id}/payments`, 'POST', {
      ...body,
      amount: 0,
    });
    expect(zero.status).toBe(422);
    const entries = await t.ctx.db
      .select({ kind: receivableEntries.kind })
      .from(receivableEntries)
      .where(eq(receivableEntries.invoiceId, id));
    expect(entries.map((e) => e.kind)).toEqual(['invoice']);
  });

  it('a partial payment leaves the rest open, the rest pays it, a double transfer is accepted and flagged', async () => {
    const id = aprilInvoice.alice!;
    const first = await pay(id, 600);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'partially_paid', open: 500, flag: null });
    expect(await statusOf(id)).toBe('partially_paid');
    const rest = await pay(id, 500);
    expect(await rest.json()).toMatchObject({ status: 'paid', open: 0, flag: null });
    // Seed 004: the member transferred the whole amount a second time.
    const twice = await pay(id, 1_100);
    expect(twice.status).toBe(201);
    expect(await twice.json()).toMatchObject({ status: 'paid', open: -1_100, flag: 'already_paid' });

    const ledger = (await (await billing.browser.send(`/api/admin/invoices/${id}/ledger`, 'GET')).json()) as {
      entries: { kind: string; amount: number; payment: { method: string; flag: string | null } | null }[];
      total: number;
      open: number;
      paid: number;
      writtenOff: number;
    };
    expect(ledger.entries.map((e) => [e.kind, e.amount, e.payment?.flag ?? null])).toEqual([
      ['invoice', 1_100, null],
      ['payment', -600, null],
      ['payment', -500, null],
      ['payment', -1_100, 'already_paid'],
    ]);
    expect([ledger.total, ledger.open, ledger.paid, ledger.writtenOff]).toEqual([1_100, -1_100, 2_200, 0]);
    const member = (await (
      await billing.browser.send(`/api/admin/members/${m.alice.memberId}/ledger`, 'GET')
    ).json()) as { balance: number; entries: unknown[] };
    expect([member.balance, member.entries.length]).toEqual([-1_100, 4]);

    const flagged = (await (
      await support.browser.send('/api/admin/payments/flagged?unresolved=true', 'GET')
    ).json()) as { payments: { invoiceId: string; amount: number; invoiceOpen: number; flag: string }[] };
    expect(flagged.payments.map((p) => [p.invoiceId, p.amount, p.invoiceOpen, p.flag])).toEqual([
      [id, 1_100, -1_100, 'already_paid'],
    ]);
    const audits = await t.ctx.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'invoice'), eq(auditLog.targetId, id)))
      .orderBy(asc(auditLog.at), asc(auditLog.id));
    expect(audits.map((a) => `${a.action}:${a.actorId}`)).toEqual(
      Array.from({ length: 3 }, () => `billing.payment_recorded:${billing.operatorId}`),
    );
  });

  it('refunds part of the surplus, refuses more than is left, and applies the rest to the next invoice', async () => {
    const id = aprilInvoice.alice!;
    const refund = await billing.browser.send(`/api/admin/invoices/${id}/refunds`, 'POST', {
      amount: 300,
      note: '二重振込分の一部を返金',
    });
    expect(refund.status).toBe(201);
    expect(await refund.json()).toMatchObject({ status: 'paid', open: -800 });
    const tooMuch = await billing.browser.send(`/api/admin/invoices/${id}/refunds`, 'POST', {
      amount: 801,
      note: 'x',
    });
    expect(tooMuch.status).toBe(409);
    expect(((await tooMuch.json()) as Problem).messages).toEqual({
      ja: '返金できるのは過入金額（¥800）までです。',
      en: 'Only the amount paid beyond the invoice (¥800) can be refunded.',
    });
    expect(
      (await support.browser.send(`/api/admin/members/${m.alice.memberId}/credit-applications`, 'POST'))
        .status,
    ).toBe(403);
    // Nothing owed yet: nothing moves.
    const none = await billing.browser.send(
      `/api/admin/members/${m.alice.memberId}/credit-applications`,
      'POST',
    );
    expect(await none.json()).toEqual({ moves: [] });

    expect((await billing.browser.send('/api/admin/billing-runs', 'POST', { month: '2026-05' })).status).toBe(
      200,
    );
    const may = await invoiceOf(m.alice.memberId, '2026-05');
    expect(may.total).toBe(1_100);
    const applied = (await (
      await billing.browser.send(`/api/admin/members/${m.alice.memberId}/credit-applications`, 'POST')
    ).json()) as { moves: { fromInvoiceId: string; toInvoiceId: string; amount: number }[] };
    expect(applied.moves.map((mv) => [mv.fromInvoiceId, mv.toInvoiceId, mv.amount])).toEqual([
      [id, may.id, 800],
    ]);
    expect([await statusOf(id), await statusOf(may.id)]).toEqual(['paid', 'partially_paid']);
    const member = (await (
      await billing.browser.send(`/api/admin/members/${m.alice.memberId}/ledger`, 'GET')
    ).json()) as { balance: number };
    // 1,100 × 2 invoiced − 2,200 paid + 300 refunded = 300 still owed on May's invoice.
    expect(member.balance).toBe(300);
    const flagged = (await (
      await billing.browser.send('/api/admin/payments/flagged?unresolved=true', 'GET')
    ).json()) as { payments: unknown[] };
    expect(flagged.payments).toEqual([]);
    const all = (await (await billing.browser.send('/api/admin/payments/flagged', 'GET')).json()) as {
      payments: { invoiceOpen: number }[];
    };
    expect(all.payments.map((p) => p.invoiceOpen)).toEqual([0]);
    const [credit] = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetType, 'member'),
          eq(auditLog.targetId, m.alice.memberId),
          eq(auditLog.action, 'billing.credit_applied'),
        ),
      );
    expect(credit?.action).toBe('billing.credit_applied');
  });
});

describe('write-offs', () => {
  it('needs a reason and the permission, writes off the rest after a partial payment, refuses a second', async () => {
    const id = aprilInvoice.bob!;
    expect(await (await pay(id, 20_000)).json()).toMatchObject({ status: 'partially_paid', open: 13_000 });
    expect(
      (await support.browser.send(`/api/admin/invoices/${id}/write-offs`, 'POST', { reason: '回収不能' }))
        .status,
    ).toBe(403);
    expect(
      (await billing.browser.send(`/api/admin/invoices/${id}/write-offs`, 'POST', { reason: ' ' })).status,
    ).toBe(422);
    const over = await billing.browser.send(`/api/admin/invoices/${id}/write-offs`, 'POST', {
      amount: 13_001,
      reason: '回収不能',
    });
    expect([over.status, ((await over.json()) as Problem).code]).toEqual([409, 'write_off_exceeds_open']);
    const done = await billing.browser.send(`/api/admin/invoices/${id}/write-offs`, 'POST', {
      reason: '破産手続開始により回収不能',
    });
    expect(done.status).toBe(201);
    expect(await done.json()).toMatchObject({ status: 'written_off', open: 0 });
    const again = await billing.browser.send(`/api/admin/invoices/${id}/write-offs`, 'POST', {
      reason: '再',
    });
    expect(((await again.json()) as Problem).code).toBe('write_off_exceeds_open');
    const detail = (await (await billing.browser.send(`/api/admin/invoices/${id}`, 'GET')).json()) as {
      status: string;
      statusLabel: { ja: string; en: string };
    };
    expect([detail.status, detail.statusLabel]).toEqual([
      'written_off',
      { ja: '貸倒処理済', en: 'Written off' },
    ]);
    const [audit] = await t.ctx.db
      .select({ reason: auditLog.reason })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'billing.written_off')));
    expect(audit?.reason).toBe('破産手続開始により回収不能');
  });
});

describe('twins', () => {
  it('two full payments recorded at once: both kept, one flagged, the status what the ledger says', async () => {
    const id = aprilInvoice.carol!;
    const [a, b] = await Promise.all([pay(id, 1_100), pay(id, 1_100)]);
    const bodies = [
      (await a.json()) as { flag: string | null; open: number },
      (await b.json()) as { flag: string | null; open: number },
    ];
    expect(bodies.map((x) => x.flag).sort()).toEqual(['already_paid', null]);
    expect(bodies.map((x) => x.open).sort((x, y) => x - y)).toEqual([-1_100, 0]);
    const entries = await t.ctx.db
      .select({ kind: receivableEntries.kind, amount: receivableEntries.amount })
      .from(receivableEntries)
      .where(and(eq(receivableEntries.invoiceId, id), inArray(receivableEntries.kind, ['payment'])));
    expect(entries.map((e) => Number(e.amount))).toEqual([-1_100, -1_100]);
    expect(await statusOf(id)).toBe('paid');
  });
});

describe('an open balance blocks withdrawal', () => {
  async function endContracts(memberId: string) {
    await t.ctx.db.update(contracts).set({ status: 'ended' }).where(eq(contracts.memberId, memberId));
  }

  it('on My Page: refused with the amount owed until paid, then withdrawn', async () => {
    await endContracts(m.dave.memberId);
    const status = (await (await m.dave.browser.send('/api/mypage/withdrawal', 'GET')).json()) as {
      reasons: { ja: string; en: string }[];
    };
    expect(status.reasons).toEqual([
      // April's and May's invoices (May was closed above).
      { ja: '未払いのご請求（¥2,200）があります', en: '¥2,200 is still owed on your invoices' },
    ]);
    const refused = await m.dave.browser.send('/api/mypage/withdrawal', 'POST', {
      password: memberTestPassword,
      confirm: true,
    });
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as Problem;
    expect(problem.code).toBe('withdrawal_blocked');
    expect(problem.messages).toEqual({
      ja: '次の理由により退会できません: 未払いのご請求（¥2,200）があります',
      en: 'You cannot withdraw yet: ¥2,200 is still owed on your invoices',
    });
    await pay(aprilInvoice.dave!, 1_100);
    const stillOwed = await m.dave.browser.send('/api/mypage/withdrawal', 'POST', {
      password: memberTestPassword,
      confirm: true,
    });
    expect(((await stillOwed.json()) as Problem).messages.ja).toBe(
      '次の理由により退会できません: 未払いのご請求（¥1,100）があります',
    );
    await pay((await invoiceOf(m.dave.memberId, '2026-05')).id, 1_100);
    const done = await m.dave.browser.send('/api/mypage/withdrawal', 'POST', {
      password: memberTestPassword,
      confirm: true,
    });
    expect(done.status).toBe(200);
  });

  it("in the console's withdraw-member: refused with the amount owed until written off", async () => {
    await endContracts(m.erin.memberId);
    await pay(aprilInvoice.erin!, 100);
    const reasons = (await (
      await support.browser.send(`/api/admin/members/${m.erin.memberId}/withdrawal`, 'GET')
    ).json()) as { reasons: { ja: string }[] };
    expect(reasons.reasons.map((r) => r.ja)).toEqual(['未払いのご請求（¥2,100）があります']);
    const refused = await support.browser.send(`/api/admin/members/${m.erin.memberId}/withdraw`, 'POST', {
      reason: '退会のご依頼',
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Problem).messages.en).toBe(
      'You cannot withdraw yet: ¥2,100 is still owed on your invoices',
    );
    for (const id of [aprilInvoice.erin!, (await invoiceOf(m.erin.memberId, '2026-05')).id]) {
      const off = await billing.browser.send(`/api/admin/invoices/${id}/write-offs`, 'POST', {
        reason: '少額のため',
      });
      expect(off.status).toBe(201);
    }
    const done = await support.browser.send(`/api/admin/members/${m.erin.memberId}/withdraw`, 'POST', {
      reason: '退会のご依頼',
    });
    expect([done.status, await done.text()]).toEqual([
      200,
      JSON.stringify({ memberId: m.erin.memberId, status: 'withdrawn' }),
    ]);
  });
});
