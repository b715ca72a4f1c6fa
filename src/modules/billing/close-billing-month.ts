// The monthly billing close: every member's invoice for the period, chunk by chunk, resumable, twin-safe, and a dry run on the same path.
import { and, eq, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db, DbOrTx } from '../../db/client.js';
import { billingRuns } from '../../db/schema/billing-invoices.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { getStoreSettings } from '../store/index.js';
import { type BillingPeriod, billingPeriodFor } from './billing-period.js';
import { closeInvoiceChunk, type IssuerSnapshot } from './close-invoice-chunk.js';
import { type CloseRunView, closeRunViewOf } from './close-run-view.js';
import { queryRows } from './invoice-sql.js';

/** How far a close has come, after each chunk. */
export interface CloseProgress {
  membersDone: number;
  membersTotal: number;
  invoicesWritten: number;
}

/** What a close answers: the run (as the tables now say), what this call wrote, and whether it only looked. */
export interface CloseResult {
  run: CloseRunView;
  dryRun: boolean;
  /** The month was closed before: nothing was computed, the earlier result is answered. */
  alreadyClosed: boolean;
  written: { invoices: number; lines: number; total: number };
}

export interface CloseBillingMonthInput {
  month: string;
  dryRun: boolean;
  actor: Actor;
  now: Temporal.Instant;
  /** Members per chunk (one transaction each). */
  chunkSize?: number;
  onProgress?: (progress: CloseProgress) => void;
}

class DryRunRollback extends Error {}

/**
 * Closes a month: creates (or resumes) its run, bills members in chunks of `chunkSize` in member id
 * order, each chunk one transaction holding the year's invoice counter, then counts the result from the
 * invoices and completes the run. A month already completed answers its earlier run. A dry run does
 * exactly the same inside one transaction that is rolled back, so preview and close cannot disagree.
 */
export async function closeBillingMonth(db: DbOrTx, input: CloseBillingMonthInput): Promise<CloseResult> {
  // The profile version in force for the month decides the period, the close and the confirmation dates.
  const period = await billingPeriodFor(db as Db, { month: input.month, now: input.now });
  if (!input.dryRun) return runClose(db, period, input);
  let result: CloseResult | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await runClose(tx, period, input);
      throw new DryRunRollback('dry run');
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return { ...result!, dryRun: true };
}

async function runClose(
  db: DbOrTx,
  period: BillingPeriod,
  input: CloseBillingMonthInput,
): Promise<CloseResult> {
  const now = toDate(input.now);
  const run = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(billingRuns)
      .values({
        id: newId('billingRun'),
        profileId: period.profileId,
        month: period.month,
        periodFrom: period.from,
        periodThrough: period.through,
        state: 'running',
        startedByKind: input.actor.kind,
        startedById: input.actor.id,
        startedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (created) {
      await recordAudit(tx, {
        actor: input.actor,
        action: 'billing.close_started',
        targetType: 'billing_run',
        targetId: created.id,
        after: { month: period.month, profileId: period.profileId },
        at: input.now,
      });
      return created;
    }
    const [existing] = await tx
      .select()
      .from(billingRuns)
      .where(and(eq(billingRuns.profileId, period.profileId), eq(billingRuns.month, period.month)));
    return existing!;
  });
  const none = { invoices: 0, lines: 0, total: 0 };
  if (run.state === 'completed') {
    return { run: closeRunViewOf(run), dryRun: input.dryRun, alreadyClosed: true, written: none };
  }

  const settings = await getStoreSettings(db);
  const issuer: IssuerSnapshot = {
    issuerName: settings.issuerName,
    registrationNumber: settings.registrationNumber,
    rounding: settings.taxRounding,
  };
  const range = sql`daterange(${period.from}::date, ${period.through}::date, '[]')`;
  const [counted] = await queryRows<{ members: number }>(
    db,
    sql`select count(*)::int as members from (
          select member_id from contracts where billable_period && ${range}
          union select member_id from billing_charges where invoice_id is null and service_from <= ${period.through}::date) m`,
  );
  const membersTotal = counted!.members;
  const chunkSize = input.chunkSize ?? 2000;
  const written = { ...none };
  let membersDone = 0;
  let after = '';
  for (;;) {
    const [bounds] = await queryRows<{ through: string | null; members: number }>(
      db,
      sql`select max(member_id) as through, count(*)::int as members from (
            select member_id from contracts where member_id > ${after} and billable_period && ${range}
            union
            -- Members with only charges to bill (usage, an adjustment) are billed too.
            select member_id from billing_charges
            where member_id > ${after} and invoice_id is null and service_from <= ${period.through}::date
            order by member_id limit ${chunkSize}) s`,
    );
    if (!bounds?.through) break;
    const through = bounds.through;
    const chunk = await db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into invoice_number_counters (year, last_sequence) values (${period.numberYear}, 0) on conflict do nothing`,
      );
      // The lock orders twins: the statement below starts after a twin's chunk committed, so it sees its invoices.
      const [counter] = await queryRows<{ last_sequence: number }>(
        tx,
        sql`select last_sequence from invoice_number_counters where year = ${period.numberYear} for update`,
      );
      const result = await closeInvoiceChunk(tx, {
        period,
        runId: run.id,
        afterMemberId: after,
        throughMemberId: through,
        lastSequence: counter!.last_sequence,
        issuer,
        actor: input.actor,
        now,
      });
      if (result.maxSequence !== null) {
        await tx.execute(
          sql`update invoice_number_counters set last_sequence = ${result.maxSequence} where year = ${period.numberYear}`,
        );
      }
      return result;
    });
    written.invoices += chunk.invoices;
    written.lines += chunk.lines;
    written.total += chunk.total;
    membersDone += bounds.members;
    after = through;
    input.onProgress?.({ membersDone, membersTotal, invoicesWritten: written.invoices });
  }

  const finished = await db.transaction(async (tx) => {
    const [totals] = await queryRows<{ invoices: number; lines: number; total: string; tax: string }>(
      tx,
      sql`select count(*)::int as invoices,
            coalesce(sum((select count(*) from invoice_lines l where l.invoice_id = i.id)), 0)::int as lines,
            coalesce(sum(i.total), 0)::text as total, coalesce(sum(i.tax), 0)::text as tax
          from invoices i where i.profile_id = ${period.profileId} and i.period_from = ${period.from}::date`,
    );
    const [updated] = await tx
      .update(billingRuns)
      .set({
        state: 'completed',
        invoiceCount: totals!.invoices,
        lineCount: totals!.lines,
        memberCount: membersTotal,
        totalAmount: BigInt(totals!.total),
        taxAmount: BigInt(totals!.tax),
        finishedAt: now,
      })
      .where(and(eq(billingRuns.id, run.id), eq(billingRuns.state, 'running')))
      .returning();
    if (!updated) {
      // A twin completed it first: its result is the month's.
      const [done] = await tx.select().from(billingRuns).where(eq(billingRuns.id, run.id));
      return done!;
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'billing.close_completed',
      targetType: 'billing_run',
      targetId: updated.id,
      after: {
        month: period.month,
        invoices: totals!.invoices,
        lines: totals!.lines,
        total: totals!.total,
        tax: totals!.tax,
      },
      at: input.now,
    });
    return updated;
  });
  return { run: closeRunViewOf(finished), dryRun: input.dryRun, alreadyClosed: false, written };
}
