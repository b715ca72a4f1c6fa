// Refunds what a member paid beyond an invoice's amount: a `refund` ledger entry against that invoice, with a note.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { receivableEntries } from '../../db/schema/billing-invoices.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import type { InvoiceStatus } from '../../domain/invoices.js';
import { negateYen, type Yen, yenToDb } from '../../domain/money.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { invoiceLedgerSums, lockInvoiceForLedger, syncInvoiceStatus } from './invoice-settlement.js';
import { ledgerErrors } from './ledger-errors.js';

export interface RefundInvoiceCreditInput {
  invoiceId: string;
  /** Omitted: the whole surplus. */
  amount?: Yen;
  note: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Pays back up to the invoice's surplus (what its entries sum below zero), under the invoice's lock, so the
 * credit cannot be both refunded and applied. More than the surplus is `refund_exceeds_credit`. Audited
 * (`billing.refunded`).
 */
export async function refundInvoiceCredit(
  db: DbOrTx,
  input: RefundInvoiceCreditInput,
): Promise<{ entryId: string; status: InvoiceStatus; open: Yen; amount: Yen }> {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceForLedger(tx, input.invoiceId);
    const before = await invoiceLedgerSums(tx, invoice.id);
    const surplus = negateYen(before.open);
    const amount = input.amount ?? surplus;
    if (surplus <= 0 || amount > surplus || amount <= 0) {
      throw ledgerErrors.refundExceedsCredit(surplus > 0 ? surplus : (0 as Yen));
    }
    const entryId = newId('receivableEntry');
    await tx.insert(receivableEntries).values({
      id: entryId,
      memberId: invoice.memberId,
      kind: 'refund',
      amount: yenToDb(amount),
      invoiceId: invoice.id,
      occurredOn: businessDateAt(input.now).toString(),
      note: input.note,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      recordedAt: toDate(input.now),
    });
    const status = await syncInvoiceStatus(tx, invoice);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'billing.refunded',
      targetType: 'invoice',
      targetId: invoice.id,
      before: { status: status.before, open: before.open },
      after: { status: status.after, open: status.sums.open, entryId, amount },
      reason: input.note,
      at: input.now,
    });
    return { entryId, status: status.after, open: status.sums.open, amount };
  });
}
