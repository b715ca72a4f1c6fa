// Claims the invoices due for a billing mail (issued, or a reminder before the due date): each invoice and kind once, ever.
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db, DbOrTx } from '../../db/client.js';
import { invoices } from '../../db/schema/billing-invoices.js';
import { invoiceNotices } from '../../db/schema/billing-notices.js';
import { toDate } from '../../domain/clock.js';
import type { BilingualMessage } from '../../domain/errors.js';
import { yenFromDb } from '../../domain/money.js';
import { billedMonthOf } from './billing-period.js';
import {
  invoiceMemberDatesResolver,
  invoicePaymentMethodLabel,
  invoicePaymentMethodOf,
} from './invoice-member-dates.js';
import { invoicePaymentMethodSql } from './list-my-page-invoices.js';

export type InvoiceNoticeKind = 'issued' | 'due_reminder';

/** Days before the due date the reminder goes when the billing profile does not say (seed 003's habit). */
export const defaultDueReminderDays = 3;

/** An invoice whose mail is due. */
export interface InvoiceNoticeCandidate {
  invoiceId: string;
  memberId: string;
  number: string;
  month: string;
  total: number;
  dueDate: string | null;
  paymentMethodLabel: BilingualMessage;
}

// Issued mails go for every invoice a member can see; reminders only while something is still to be paid
// by the member (the agency collects what it was handed; a card or wallet is charged, not reminded).
const issuedStatuses = ['issued', 'agency_handed', 'partially_paid', 'paid'] as const;
const remindedStatuses = ['issued', 'partially_paid'] as const;
const remindedMethods = new Set(['bank_transfer', 'direct_debit']);

/**
 * The next invoices (in id order, after `afterId`) without a `kind` notice whose mail is due on `today`:
 * `issued` from the invoice's reflection date; `due_reminder` from `reminderDays` before the due date
 * up to the due date. Read only: `claimInvoiceNotice` decides, once, who sends.
 */
export async function findDueInvoiceNotices(
  db: Db,
  input: {
    kind: InvoiceNoticeKind;
    today: Temporal.PlainDate;
    now: Temporal.Instant;
    reminderDays?: number;
    afterId: string;
    limit: number;
  },
): Promise<{ due: InvoiceNoticeCandidate[]; lastId: string | null }> {
  const statuses = input.kind === 'issued' ? issuedStatuses : remindedStatuses;
  const rows = await db
    .select({ row: invoices, method: invoicePaymentMethodSql })
    .from(invoices)
    .leftJoin(
      invoiceNotices,
      and(eq(invoiceNotices.invoiceId, invoices.id), eq(invoiceNotices.kind, input.kind)),
    )
    .where(
      and(
        isNull(invoiceNotices.invoiceId),
        inArray(invoices.status, [...statuses]),
        gt(invoices.id, input.afterId),
      ),
    )
    .orderBy(asc(invoices.id))
    .limit(input.limit);
  const resolve = invoiceMemberDatesResolver(db, input.now);
  const today = input.today.toString();
  const due: InvoiceNoticeCandidate[] = [];
  for (const { row, method: stored } of rows) {
    const method = invoicePaymentMethodOf(stored);
    const month = billedMonthOf(row.periodThrough);
    const dates = await resolve(row.profileId, month, method, row.confirmationRule);
    if (dates === null || dates.visibleFrom > today) continue;
    if (input.kind === 'due_reminder') {
      if (dates.dueDate === null || method === null || !remindedMethods.has(method)) continue;
      const from = input.today.add({ days: input.reminderDays ?? defaultDueReminderDays }).toString();
      // Due within the next N days, and not yet past.
      if (dates.dueDate > from || dates.dueDate < today) continue;
    }
    due.push({
      invoiceId: row.id,
      memberId: row.memberId,
      number: row.number,
      month,
      total: yenFromDb(row.total),
      dueDate: dates.dueDate,
      paymentMethodLabel: invoicePaymentMethodLabel(method),
    });
  }
  return { due, lastId: rows.at(-1)?.row.id ?? null };
}

/** Records that the `kind` mail of an invoice goes now; false when another run already did (nothing to send). */
export async function claimInvoiceNotice(
  tx: DbOrTx,
  input: { invoiceId: string; kind: InvoiceNoticeKind; now: Temporal.Instant },
): Promise<boolean> {
  const claimed = await tx
    .insert(invoiceNotices)
    .values({ invoiceId: input.invoiceId, kind: input.kind, sentAt: toDate(input.now) })
    .onConflictDoNothing()
    .returning({ invoiceId: invoiceNotices.invoiceId });
  return claimed.length === 1;
}
