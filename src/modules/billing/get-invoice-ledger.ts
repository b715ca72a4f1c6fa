// One invoice's ledger entries (with how each recorded payment came) and the sums that give its status.
import { asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { invoices, receivableEntries } from '../../db/schema/billing-invoices.js';
import { invoicePayments } from '../../db/schema/billing-payments.js';
import { type Yen, yenFromDb } from '../../domain/money.js';
import { invoiceNotFound } from './get-invoice.js';
import { type InvoiceLedgerSums, invoiceLedgerSums } from './invoice-settlement.js';
import type { LedgerEntryView } from './ledger-balance.js';
import type { PaymentMethod } from './record-invoice-payment.js';

/** A ledger entry of an invoice; a recorded payment carries its method and flag. */
export interface InvoiceLedgerEntry extends LedgerEntryView {
  payment: { method: PaymentMethod; flag: 'already_paid' | null } | null;
}

/** An invoice's entries, oldest first, and its sums. */
export async function getInvoiceLedger(
  db: DbOrTx,
  invoiceId: string,
): Promise<{ entries: InvoiceLedgerEntry[]; sums: InvoiceLedgerSums }> {
  const [invoice] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) throw invoiceNotFound();
  const rows = await db
    .select({ entry: receivableEntries, method: invoicePayments.method, flag: invoicePayments.flag })
    .from(receivableEntries)
    .leftJoin(invoicePayments, eq(invoicePayments.entryId, receivableEntries.id))
    .where(eq(receivableEntries.invoiceId, invoiceId))
    .orderBy(asc(receivableEntries.occurredOn), asc(receivableEntries.recordedAt), asc(receivableEntries.id));
  return {
    entries: rows.map(({ entry, method, flag }) => ({
      id: entry.id,
      kind: entry.kind,
      amount: yenFromDb(entry.amount),
      invoiceId: entry.invoiceId,
      occurredOn: entry.occurredOn,
      note: entry.note,
      actor: { kind: entry.actorKind, id: entry.actorId },
      recordedAt: entry.recordedAt.toISOString(),
      payment: method ? { method, flag } : null,
    })),
    sums: await invoiceLedgerSums(db, invoiceId),
  };
}

/** A payment flagged for an operator: money received for an invoice that owed nothing then. */
export interface FlaggedPayment {
  entryId: string;
  invoiceId: string;
  invoiceNumber: string;
  memberId: string;
  amount: Yen;
  receivedOn: string;
  method: PaymentMethod;
  flag: 'already_paid';
  /** What the invoice owes now: negative while the surplus is neither refunded nor applied. */
  invoiceOpen: Yen;
  recordedAt: string;
}

/** Flagged payments (seed 004's double transfer), newest first; `unresolvedOnly` keeps those whose invoice still holds a surplus. */
export async function listFlaggedPayments(
  db: DbOrTx,
  input: { unresolvedOnly?: boolean; limit?: number } = {},
): Promise<FlaggedPayment[]> {
  const open = sql<string>`(select coalesce(sum(${receivableEntries.amount}), 0) from ${receivableEntries} where ${receivableEntries.invoiceId} = ${invoicePayments.invoiceId})`;
  const rows = await db
    .select({
      payment: invoicePayments,
      invoiceNumber: invoices.number,
      invoiceOpen: sql<string>`${open}::text`,
    })
    .from(invoicePayments)
    .innerJoin(invoices, eq(invoices.id, invoicePayments.invoiceId))
    .where(
      input.unresolvedOnly
        ? sql`${invoicePayments.flag} is not null and ${open} < 0`
        : isNotNull(invoicePayments.flag),
    )
    .orderBy(desc(invoicePayments.recordedAt), desc(invoicePayments.entryId))
    .limit(input.limit ?? 100);
  return rows.map(({ payment, invoiceNumber, invoiceOpen }) => ({
    entryId: payment.entryId,
    invoiceId: payment.invoiceId,
    invoiceNumber,
    memberId: payment.memberId,
    amount: yenFromDb(payment.amount),
    receivedOn: payment.receivedOn,
    method: payment.method,
    flag: 'already_paid' as const,
    invoiceOpen: yenFromDb(invoiceOpen),
    recordedAt: payment.recordedAt.toISOString(),
  }));
}
