// A billing run (one month's close) as the CLI, the console and the API show it.
import { desc, eq, type InferSelectModel } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { billingRuns } from '../../db/schema/billing-invoices.js';
import { yenFromDb } from '../../domain/money.js';

/** One close: its month, state and what it produced (counted from the invoices, so twins agree). */
export interface CloseRunView {
  id: string;
  profileId: string;
  month: string;
  periodFrom: string;
  periodThrough: string;
  state: 'running' | 'completed';
  invoiceCount: number;
  lineCount: number;
  memberCount: number;
  totalAmount: number;
  taxAmount: number;
  startedBy: { kind: string; id: string | null };
  startedAt: string;
  finishedAt: string | null;
}

/** Maps a `billing_runs` row. */
export function closeRunViewOf(row: InferSelectModel<typeof billingRuns>): CloseRunView {
  return {
    id: row.id,
    profileId: row.profileId,
    month: row.month,
    periodFrom: row.periodFrom,
    periodThrough: row.periodThrough,
    state: row.state,
    invoiceCount: row.invoiceCount,
    lineCount: row.lineCount,
    memberCount: row.memberCount,
    totalAmount: yenFromDb(row.totalAmount),
    taxAmount: yenFromDb(row.taxAmount),
    startedBy: { kind: row.startedByKind, id: row.startedById },
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/** The closes, newest month first. */
export async function listCloseRuns(db: DbOrTx, input: { limit: number }): Promise<CloseRunView[]> {
  const rows = await db
    .select()
    .from(billingRuns)
    .orderBy(desc(billingRuns.month), desc(billingRuns.profileId))
    .limit(input.limit);
  return rows.map(closeRunViewOf);
}

/** One close by id, or null. */
export async function findCloseRun(db: DbOrTx, id: string): Promise<CloseRunView | null> {
  const [row] = await db.select().from(billingRuns).where(eq(billingRuns.id, id));
  return row ? closeRunViewOf(row) : null;
}
