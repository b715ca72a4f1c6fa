// The withdrawal-blocker registry: modules register checks, and withdrawal is refused with every reason listed.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../../../src/db/client.js';
import { auditLog } from '../../../src/db/schema/audit.js';
import { FakeClock } from '../../../src/domain/clock.js';
import { AppError } from '../../../src/domain/errors.js';
import { recordAudit } from '../../../src/modules/audit/index.js';
import {
  createWithdrawalBlockerRegistry,
  type WithdrawalBlocker,
  withdrawalBlockedError,
} from '../../../src/modules/identity/index.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

let database: TestDatabase;
const clock = new FakeClock('2026-07-01T10:00:00+09:00');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/**
 * Stands in for the billing module: a member is blocked while the audit log holds an open
 * `test.invoice.unpaid` entry for them, one reason per entry, read through whatever handle it is given.
 */
const unpaidInvoices: WithdrawalBlocker = {
  code: 'test.unpaid_invoices',
  async check(db: DbOrTx, memberId: string) {
    const rows = await db
      .select({ invoice: auditLog.reason })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'test.invoice.unpaid'), eq(auditLog.targetId, memberId)));
    return {
      blocked: rows.length > 0,
      reasons: rows.map((row) => ({
        ja: `未払いの請求があります（${row.invoice}）`,
        en: `Invoice ${row.invoice} is unpaid`,
      })),
    };
  },
};

const activeContract: WithdrawalBlocker = {
  code: 'test.active_contract',
  async check(_db, memberId) {
    const blocked = memberId === 'mem_busy';
    return {
      blocked,
      reasons: blocked ? [{ ja: 'ご利用中の契約があります', en: 'A contract is still active' }] : [],
    };
  },
};

async function recordUnpaid(db: DbOrTx, memberId: string, invoice: string): Promise<void> {
  await recordAudit(db, {
    actor: { kind: 'system', id: null },
    action: 'test.invoice.unpaid',
    targetType: 'member',
    targetId: memberId,
    reason: invoice,
    at: clock.now(),
  });
}

describe('withdrawal blockers', () => {
  it('lets a member go when nothing is registered', async () => {
    const registry = createWithdrawalBlockerRegistry();
    expect(registry.codes()).toEqual([]);
    expect(await registry.findWithdrawalBlockers(database.handle.db, 'mem_anyone')).toEqual([]);
    await expect(registry.assertCanWithdraw(database.handle.db, 'mem_anyone')).resolves.toBeUndefined();
  });

  it('runs every blocker and returns those that block, in registration order, with their reasons', async () => {
    const db = database.handle.db;
    const registry = createWithdrawalBlockerRegistry();
    registry.register(activeContract);
    registry.register(unpaidInvoices);
    expect(registry.codes()).toEqual(['test.active_contract', 'test.unpaid_invoices']);

    expect(await registry.findWithdrawalBlockers(db, 'mem_busy')).toEqual([
      {
        code: 'test.active_contract',
        reasons: [{ ja: 'ご利用中の契約があります', en: 'A contract is still active' }],
      },
    ]);

    await recordUnpaid(db, 'mem_busy', 'INV-2026-000123');
    await recordUnpaid(db, 'mem_busy', 'INV-2026-000124');
    expect(await registry.findWithdrawalBlockers(db, 'mem_busy')).toEqual([
      {
        code: 'test.active_contract',
        reasons: [{ ja: 'ご利用中の契約があります', en: 'A contract is still active' }],
      },
      {
        code: 'test.unpaid_invoices',
        reasons: [
          { ja: '未払いの請求があります（INV-2026-000123）', en: 'Invoice INV-2026-000123 is unpaid' },
          { ja: '未払いの請求があります（INV-2026-000124）', en: 'Invoice INV-2026-000124 is unpaid' },
        ],
      },
    ]);
    expect(await registry.findWithdrawalBlockers(db, 'mem_free')).toEqual([]);
  });

  it('sees rows written in the same transaction when given its tx', async () => {
    const registry = createWithdrawalBlockerRegistry();
    registry.register(unpaidInvoices);
    let inside: unknown = null;
    const outcome = await database.handle.db
      .transaction(async (tx) => {
        await recordUnpaid(tx, 'mem_tx', 'INV-2026-000200');
        inside = await registry.findWithdrawalBlockers(tx, 'mem_tx');
        tx.rollback();
      })
      .catch((error: unknown) => error);
    // Drizzle ends a deliberate rollback by throwing.
    expect(outcome).toBeInstanceOf(Error);
    expect(inside).toEqual([
      {
        code: 'test.unpaid_invoices',
        reasons: [
          { ja: '未払いの請求があります（INV-2026-000200）', en: 'Invoice INV-2026-000200 is unpaid' },
        ],
      },
    ]);
    expect(await registry.findWithdrawalBlockers(database.handle.db, 'mem_tx')).toEqual([]);
  });

  it('refuses withdrawal with 409 withdrawal_blocked, listing every reason in both languages', async () => {
    const registry = createWithdrawalBlockerRegistry();
    registry.register(activeContract);
    registry.register(unpaidInvoices);
    const error = await registry.assertCanWithdraw(database.handle.db, 'mem_busy').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'withdrawal_blocked',
      status: 409,
      messages: {
        ja: '次の理由により退会できません: ご利用中の契約があります／未払いの請求があります（INV-2026-000123）／未払いの請求があります（INV-2026-000124）',
        en: 'You cannot withdraw yet: A contract is still active; Invoice INV-2026-000123 is unpaid; Invoice INV-2026-000124 is unpaid',
      },
    });
    await expect(registry.assertCanWithdraw(database.handle.db, 'mem_free')).resolves.toBeUndefined();
  });

  it('keeps registries apart: one app registering a blocker does not affect another', async () => {
    const first = createWithdrawalBlockerRegistry();
    const second = createWithdrawalBlockerRegistry();
    first.register(activeContract);
    expect(second.codes()).toEqual([]);
    expect(await second.findWithdrawalBlockers(database.handle.db, 'mem_busy')).toEqual([]);
  });

  it('refuses a second blocker with the same code', () => {
    const registry = createWithdrawalBlockerRegistry();
    registry.register(activeContract);
    expect(() => registry.register({ ...activeContract })).toThrow(
      'withdrawal blocker test.active_contract is already registered',
    );
  });

  it('treats a blocker that blocks without a reason as a programming error', async () => {
    const registry = createWithdrawalBlockerRegistry();
    registry.register({ code: 'test.silent', check: async () => ({ blocked: true, reasons: [] }) });
    await expect(registry.findWithdrawalBlockers(database.handle.db, 'mem_x')).rejects.toThrow(
      'withdrawal blocker test.silent blocked without giving a reason',
    );
  });

  it('builds the error from found blockers alone', () => {
    const error = withdrawalBlockedError([
      { code: 'a', reasons: [{ ja: '理由A', en: 'reason A' }] },
      { code: 'b', reasons: [{ ja: '理由B', en: 'reason B' }] },
    ]);
    expect(error.messages).toEqual({
      ja: '次の理由により退会できません: 理由A／理由B',
      en: 'You cannot withdraw yet: reason A; reason B',
    });
  });
});
