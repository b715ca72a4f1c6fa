// Applies a member's credit (what invoices were paid beyond their amount) to their invoices still owed, oldest first.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { invoices, receivableEntries } from '../../db/schema/billing-invoices.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Yen, yen, yenFromDb, yenToDb } from '../../domain/money.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { syncInvoiceStatus } from './invoice-settlement.js';

/** One move of credit: from an over-paid invoice to one still owed. */
export interface CreditMove {
  fromInvoiceId: string;
  fromNumber: string;
  toInvoiceId: string;
  toNumber: string;
  amount: Yen;
}

/**
 * Moves surplus from over-paid invoices to invoices still owed (both oldest period first) as pairs of
 * `adjustment` entries (+ on the source, − on the target), so the member's balance is unchanged and each
 * invoice's status follows its own sum. Every invoice of the member is locked in id order first, the same
 * lock a payment takes, so a payment or refund at the same moment queues. Nothing to move writes nothing.
 * Audited (`billing.credit_applied`) when something moved.
 */
export async function applyMemberCredit(
  db: DbOrTx,
  input: { memberId: string; actor: Actor; now: Temporal.Instant },
): Promise<{ moves: CreditMove[] }> {
  return db.transaction(async (tx) => {
    const locked = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.memberId, input.memberId), inArray(invoices.status, payableStatuses)))
      .orderBy(asc(invoices.id))
      .for('update');
    if (locked.length === 0) return { moves: [] };
    const sums = await tx
      .select({
        invoiceId: receivableEntries.invoiceId,
        open: sql<string>`sum(${receivableEntries.amount})::text`,
      })
      .from(receivableEntries)
      .where(
        inArray(
          receivableEntries.invoiceId,
          locked.map((row) => row.id),
        ),
      )
      .groupBy(receivableEntries.invoiceId);
    const openOf = new Map(sums.map((row) => [row.invoiceId, yenFromDb(row.open)]));
    const byPeriod = [...locked].sort(
      (a, b) => a.periodFrom.localeCompare(b.periodFrom) || a.number.localeCompare(b.number),
    );
    const sources = byPeriod
      .map((row) => ({ row, left: -(openOf.get(row.id) ?? 0) }))
      .filter((s) => s.left > 0);
    const targets = byPeriod.map((row) => ({ row, left: openOf.get(row.id) ?? 0 })).filter((t) => t.left > 0);
    const moves: CreditMove[] = [];
    for (const target of targets) {
      for (const source of sources) {
        if (target.left === 0) break;
        const amount = Math.min(source.left, target.left);
        if (amount === 0) continue;
        source.left -= amount;
        target.left -= amount;
        moves.push({
          fromInvoiceId: source.row.id,
          fromNumber: source.row.number,
          toInvoiceId: target.row.id,
          toNumber: target.row.number,
          amount: yen(amount),
        });
      }
    }
    if (moves.length === 0) return { moves };
    const occurredOn = businessDateAt(input.now).toString();
    const at = toDate(input.now);
    const entry = (invoiceId: string, amount: number, note: string) => ({
      id: newId('receivableEntry'),
      memberId: input.memberId,
      kind: 'adjustment' as const,
      amount: yenToDb(yen(amount)),
      invoiceId,
      occurredOn,
      note,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      recordedAt: at,
    });
    await tx
      .insert(receivableEntries)
      .values(
        moves.flatMap((move) => [
          entry(move.fromInvoiceId, move.amount, `credit applied to ${move.toNumber}`),
          entry(move.toInvoiceId, -move.amount, `credit from ${move.fromNumber}`),
        ]),
      );
    const touched = new Set(moves.flatMap((move) => [move.fromInvoiceId, move.toInvoiceId]));
    const statuses: Record<string, string> = {};
    for (const row of locked) {
      if (!touched.has(row.id)) continue;
      statuses[row.number] = (await syncInvoiceStatus(tx, row)).after;
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'billing.credit_applied',
      targetType: 'member',
      targetId: input.memberId,
      after: { moves, statuses },
      at: input.now,
    });
    return { moves };
  });
}

const payableStatuses = ['issued', 'agency_handed', 'partially_paid', 'paid', 'written_off'] as (
  | 'issued'
  | 'agency_handed'
  | 'partially_paid'
  | 'paid'
  | 'written_off'
)[];
