// The receivables ledger read: a member's entries and balance (the sum of their immutable entries).
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { receivableEntries } from '../../db/schema/billing-invoices.js';
import { type Yen, yenFromDb } from '../../domain/money.js';

/** One ledger entry: invoices positive, payments, credits and write-offs negative. */
export interface LedgerEntryView {
  id: string;
  kind: 'invoice' | 'payment' | 'credit_note' | 'refund' | 'write_off' | 'adjustment';
  amount: Yen;
  invoiceId: string | null;
  occurredOn: string;
  note: string | null;
  actor: { kind: string; id: string | null };
  recordedAt: string;
}

/** A member's balance: what they owe (positive) or hold as credit (negative). */
export async function getMemberBalance(db: DbOrTx, memberId: string): Promise<Yen> {
  const [row] = await db
    .select({ balance: sql<string>`coalesce(sum(${receivableEntries.amount}), 0)::text` })
    .from(receivableEntries)
    .where(eq(receivableEntries.memberId, memberId));
  return yenFromDb(row?.balance ?? '0');
}

/** A member's entries, oldest first, with the balance. */
export async function listLedgerEntries(
  db: DbOrTx,
  memberId: string,
): Promise<{ entries: LedgerEntryView[]; balance: Yen }> {
  const rows = await db
    .select()
    .from(receivableEntries)
    .where(eq(receivableEntries.memberId, memberId))
    .orderBy(asc(receivableEntries.occurredOn), asc(receivableEntries.recordedAt), asc(receivableEntries.id));
  return {
    entries: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      amount: yenFromDb(row.amount),
      invoiceId: row.invoiceId,
      occurredOn: row.occurredOn,
      note: row.note,
      actor: { kind: row.actorKind, id: row.actorId },
      recordedAt: row.recordedAt.toISOString(),
    })),
    balance: await getMemberBalance(db, memberId),
  };
}
