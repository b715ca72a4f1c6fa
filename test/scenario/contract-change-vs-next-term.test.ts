// A change application and a next-term choice (seed 002) on one contract cannot contradict each other: applying for a change clears the choice (recorded), and a choice waits while a change is open; and a provider's product's change is told to the provider on its day.
import { and, asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { contractEvents, contracts } from '../../src/db/schema/contracts.js';
import { termsDocuments } from '../../src/db/schema/identity.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { applyContractChangesSweep } from '../../src/flows/apply-contract-changes-sweep.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { applyForChange, changeNextTerm, withdrawChange } from '../../src/modules/contracts/index.js';
import { providerContractNoticeTemplate } from '../../src/modules/notifications/templates/provider-contract-notice.js';
import { confirmLineStart } from '../../src/modules/ordering/index.js';
import { travel } from '../helpers/member-browser.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const now = Temporal.Instant.from('2025-11-01T10:00:00+09:00');

let t: TestApp;
let memberId: string;
/** Rental server x10, 3 months, card, 2025-09-16 – 2025-12-15: next-term changes until 4 Dec. */
let contractId: string;

async function contract() {
  const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, contractId));
  return row!;
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (e: { code?: string; status?: number; messages?: { ja: string; en: string } }) => ({
      code: e.code,
      status: e.status,
      message: e.messages,
    }),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2025-04-25T09:00:00+09:00');
  await t.ctx.db.update(termsDocuments).set({ publishedAt: new Date('2025-01-01T00:00:00+09:00') });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  ({ memberId } = await registerAndSignIn(t, {
    loginId: 'change-next-term',
    name: '変更 太郎',
    email: 'change.next.term@example.jp',
  }));
  const order = await insertTestOrder(t, {
    memberId,
    paymentMethod: 'card',
    lines: [{ productSlug: 'rental-server-x10', plan: 'x10', term: '3m', options: [] }],
  });
  await confirmLineStart(t.ctx.db, {
    orderLineId: order.lineIds[0]!,
    serviceStartDate: '2025-09-16',
    actor: { kind: 'cli', id: 'test' },
    now: t.clock.now(),
  });
  const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, order.lineIds[0]!));
  contractId = row!.id;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const actor = () => ({ kind: 'member' as const, id: memberId });

describe('a change application after a next-term choice', () => {
  it('clears the choice, with a history step and an audit entry', async () => {
    await changeNextTerm(t.ctx.db, { contractId, memberId, term: '12m', options: [], actor: actor(), now });
    expect((await contract()).nextTerm).toEqual({ term: '12m', options: [] });
    const request = await applyForChange(t.ctx.db, {
      contractId,
      memberId,
      wish: { effectiveDate: '2025-11-20', options: [{ code: 'backup' }] },
      actor: actor(),
      now,
    });
    expect(request).toMatchObject({ kind: 'change', state: 'scheduled', effectiveDate: '2025-11-20' });
    expect((await contract()).nextTerm).toBeNull();
    const steps = await t.ctx.db
      .select()
      .from(contractEvents)
      .where(eq(contractEvents.contractId, contractId))
      .orderBy(asc(contractEvents.at), asc(contractEvents.id));
    expect(steps.map((s) => s.kind).filter((k) => k !== 'opened')).toEqual([
      'next_term_changed',
      'next_term_cleared',
      'change_scheduled',
    ]);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, contractId), eq(auditLog.action, 'contract.next_term_cleared')));
    expect(audits.map((a) => [a.before, a.after, a.reason])).toEqual([
      [{ nextTerm: { term: '12m', options: [] } }, { nextTerm: null }, 'change_applied_for'],
    ]);
  });
});

describe('a next-term choice while a change is open', () => {
  it('is refused with contract_change_pending (409) and changes nothing', async () => {
    const before = await contract();
    expect(
      await refusal(changeNextTerm(t.ctx.db, { contractId, memberId, term: '6m', actor: actor(), now })),
    ).toEqual({
      code: 'contract_change_pending',
      status: 409,
      message: {
        ja: 'この契約には変更のお申し込みがあります。次回契約内容の変更は、その変更が適用されるか取り消された後に行ってください。',
        en: 'A change of this contract has been applied for. Change the next term once that change has taken effect or been withdrawn.',
      },
    });
    expect(await contract()).toEqual(before);
  });

  it('is accepted again once the change is withdrawn', async () => {
    await withdrawChange(t.ctx.db, { contractId, memberId, actor: actor(), now });
    const row = await changeNextTerm(t.ctx.db, {
      contractId,
      memberId,
      term: '6m',
      options: [],
      actor: actor(),
      now,
    });
    expect(row.nextTerm).toEqual({ term: '6m', options: [] });
  });
});

describe('a change of a provider’s product', () => {
  it('tells the provider the new content on the day it applies (provider-contract-notice, changed)', async () => {
    const order = await insertTestOrder(t, {
      memberId,
      paymentMethod: 'card',
      lines: [
        { productSlug: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 10, options: [] },
      ],
    });
    await confirmLineStart(t.ctx.db, {
      orderLineId: order.lineIds[0]!,
      serviceStartDate: '2025-10-01',
      actor: { kind: 'cli', id: 'test' },
      now: t.clock.now(),
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, order.lineIds[0]!));
    const request = await applyForChange(t.ctx.db, {
      contractId: row!.id,
      memberId,
      wish: { effectiveDate: '2025-11-20', quantity: 15, options: [{ code: 'helpdesk' }] },
      actor: actor(),
      now,
    });
    expect(request).toMatchObject({ state: 'scheduled', effectiveDate: '2025-11-20' });
    const notices = async () =>
      (
        await t.ctx.db
          .select()
          .from(outbox)
          .where(eq(outbox.template, 'provider-contract-notice'))
          .orderBy(asc(outbox.id))
      ).filter((m) => (m.payload as { contractNumber?: string }).contractNumber === row!.number);
    expect(await notices()).toEqual([]);
    expect(await applyContractChangesSweep(t.ctx, Temporal.Instant.from('2025-11-20T00:30:00+09:00'))).toBe(
      1,
    );
    expect((await notices()).map((m) => [m.recipient, m.payload])).toEqual([
      [
        'provisioning@mirai-soft.example',
        {
          providerName: expect.any(String),
          event: 'changed',
          contractNumber: row!.number,
          productName: expect.any(String),
          plan: expect.any(String),
          quantity: 15,
          endDate: null,
          effectiveDate: '2025-11-20',
          options: ['ヘルプデスク'],
        },
      ],
    ]);
    // The change names its first day and the options; a change has no last day of service to show.
    const [notice] = await notices();
    const payload = providerContractNoticeTemplate.payload.parse(notice!.payload);
    const store = {
      name: 'デモストア',
      email: 'a@example.jp',
      phone: '0',
      businessHours: '-',
      publicUrl: 'http://x',
    };
    expect(providerContractNoticeTemplate.render('ja', payload, store).text).toBe(
      `${payload.providerName} ご担当者様\n\n貴社サービスのご契約内容が2025年11月20日から変更されました。同日から下記のプラン・数量・オプションでのご提供をお願いします。\n\n` +
        `契約番号: ${row!.number}\n商品: ${payload.productName}\nプラン: ${payload.plan}\n数量: 15\nオプション: ヘルプデスク\n変更日: 2025年11月20日`,
    );
    expect(providerContractNoticeTemplate.render('en', { ...payload, options: [] }, store).text).toBe(
      `${payload.providerName}\n\nA contract for your service changed from 20 November 2025. Please provide the plan, quantity and options below from that day.\n\n` +
        `Contract number: ${row!.number}\nProduct: ${payload.productName}\nPlan: ${payload.plan}\nQuantity: 15\nOptions: none\nEffective from: 20 November 2025`,
    );
    expect(providerContractNoticeTemplate.render('ja', payload, store).html).not.toContain('解約日');
  });
});
