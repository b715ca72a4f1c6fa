// Records a payment an operator saw arrive for an invoice: a `payment` ledger entry, the status the ledger then gives, a flag when it was already paid.
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { receivableEntries } from '../../db/schema/billing-invoices.js';
import { invoicePayments } from '../../db/schema/billing-payments.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import type { InvoiceStatus } from '../../domain/invoices.js';
import { negateYen, type Yen, yenToDb } from '../../domain/money.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { invoiceLedgerSums, lockInvoiceForLedger, syncInvoiceStatus } from './invoice-settlement.js';
import { ledgerErrors } from './ledger-errors.js';

/** How the money came. */
export const paymentMethods = [
  'bank_transfer',
  'card',
  'direct_debit',
  'agency',
  'convenience_store',
  'cash',
  'other',
] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export interface RecordInvoicePaymentInput {
  invoiceId: string;
  amount: Yen;
  /** `YYYY-MM-DD`, not after today. */
  receivedOn: string;
  method: PaymentMethod;
  note?: string | null;
  actor: Actor;
  now: Temporal.Instant;
}

/** What a recorded payment did. */
export interface RecordedPayment {
  entryId: string;
  invoiceId: string;
  memberId: string;
  status: InvoiceStatus;
  /** Still owed after it; negative: a credit the member holds. */
  open: Yen;
  /** `already_paid` when the invoice owed nothing before this payment (a double transfer). */
  flag: 'already_paid' | null;
}

/**
 * Records a payment. The invoice row is locked first, so two payments recorded at once queue: the second
 * sees the first's entry, neither is lost, and the status always equals what the ledger sums say. Money
 * for an invoice that owed nothing is accepted (it was received) and flagged `already_paid`; whatever
 * exceeds the amount owed stays on the member's balance as a credit. Audited (`billing.payment_recorded`).
 */
export async function recordInvoicePayment(
  db: DbOrTx,
  input: RecordInvoicePaymentInput,
): Promise<RecordedPayment> {
  const today = businessDateAt(input.now);
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(input.receivedOn), today) > 0) {
    throw ledgerErrors.dateInFuture();
  }
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceForLedger(tx, input.invoiceId);
    const before = await invoiceLedgerSums(tx, invoice.id);
    const flag = before.open <= 0 ? ('already_paid' as const) : null;
    const entryId = newId('receivableEntry');
    const at = toDate(input.now);
    await tx.insert(receivableEntries).values({
      id: entryId,
      memberId: invoice.memberId,
      kind: 'payment',
      amount: yenToDb(negateYen(input.amount)),
      invoiceId: invoice.id,
      occurredOn: input.receivedOn,
      note: input.note ?? null,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      recordedAt: at,
    });
    await tx.insert(invoicePayments).values({
      entryId,
      invoiceId: invoice.id,
      memberId: invoice.memberId,
      amount: yenToDb(input.amount),
      receivedOn: input.receivedOn,
      method: input.method,
      flag,
      openBefore: yenToDb(before.open),
      recordedAt: at,
    });
    const status = await syncInvoiceStatus(tx, invoice);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'billing.payment_recorded',
      targetType: 'invoice',
      targetId: invoice.id,
      before: { status: status.before, open: before.open },
      after: {
        status: status.after,
        open: status.sums.open,
        entryId,
        amount: input.amount,
        receivedOn: input.receivedOn,
        method: input.method,
        flag,
      },
      reason: input.note ?? undefined,
      at: input.now,
    });
    return {
      entryId,
      invoiceId: invoice.id,
      memberId: invoice.memberId,
      status: status.after,
      open: status.sums.open,
      flag,
    };
  });
}
