// The issue sweep's work: drafts whose confirmation date has come become issued, with their ledger entries, set-based.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { recordAudits } from '../audit/index.js';
import { issuedStatusSql, issueLedgerSql } from './close-invoice-chunk.js';
import { queryRows } from './invoice-sql.js';

/** Drafts one statement issues; passes repeat until none is left. */
const BATCH = 2000;
const SYSTEM = { kind: 'system' as const, id: null };

/**
 * Issues every draft whose issue date (the later of its close and its confirmation date) is on or before
 * today's Tokyo date: one statement per batch turns the drafts `issued` (`paid` or `partially_paid` when
 * terms were settled before the close) and writes their `invoice` entry and `settled_before_close`
 * payment, dated the issue date, so the ledger holds only what was issued. Drafts another node holds are
 * skipped (SKIP LOCKED) and the update re-checks `draft`, so twins and re-runs issue each draft once.
 * Audited `billing.invoice_issued` per invoice. Returns how many were issued.
 */
export async function issueDueInvoices(db: Db, input: { now: Temporal.Instant }): Promise<number> {
  const today = businessDateAt(input.now).toString();
  const now = toDate(input.now);
  let issued = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string; number: string; status: string; issue_date: string }>(
        tx,
        sql`with due as (
              select id from invoices
              where status = 'draft' and issue_date <= ${today}::date
              order by issue_date, id limit ${BATCH}
              for update skip locked
            ), issued as (
              update invoices i set status = ${issuedStatusSql(sql`i.settled_before_close`, sql`i.total`)}
              from due where i.id = due.id and i.status = 'draft'
              returning i.id, i.number, i.member_id, i.total, i.status, i.issue_date, i.settled_before_close
            ), ledger as (
              ${issueLedgerSql(sql`issued`, SYSTEM, now)}
            )
            -- A data-modifying WITH runs to completion whether read or not: the ledger is written.
            select id, number, status, issue_date::text as issue_date from issued order by id`,
      );
      await recordAudits(tx, {
        actor: SYSTEM,
        action: 'billing.invoice_issued',
        targetType: 'invoice',
        entries: rows.map((r) => ({
          targetId: r.id,
          before: { status: 'draft' },
          after: { status: r.status, number: r.number, issueDate: r.issue_date },
        })),
        at: input.now,
      });
      return rows.length;
    });
    issued += done;
    if (done < BATCH) break;
  }
  return issued;
}
