// Writes off what an invoice still owes (or part of it) with a reason: a `write_off` ledger entry and the status it gives.
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

export interface WriteOffInvoiceInput {
  invoiceId: string;
  /** Omitted: everything still owed. */
  amount?: Yen;
  reason: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Writes off up to what the invoice still owes, under the invoice's lock; the entry is dated today and
 * carries the reason. Nothing owed, or more than is owed, is `write_off_exceeds_open`. Audited
 * (`billing.written_off`).
 */
export async function writeOffInvoice(
  db: DbOrTx,
  input: WriteOffInvoiceInput,
): Promise<{ entryId: string; status: InvoiceStatus; open: Yen; amount: Yen }> {
  return db.transaction(async (tx) => {
    const invoice = await lockInvoiceForLedger(tx, input.invoiceId);
    const before = await invoiceLedgerSums(tx, invoice.id);
    const amount = input.amount ?? before.open;
    if (before.open <= 0 || amount > before.open || amount <= 0) {
      throw ledgerErrors.writeOffExceedsOpen(before.open > 0 ? before.open : (0 as Yen));
    }
    const entryId = newId('receivableEntry');
    await tx.insert(receivableEntries).values({
      id: entryId,
      memberId: invoice.memberId,
      kind: 'write_off',
      amount: yenToDb(negateYen(amount)),
      invoiceId: invoice.id,
      occurredOn: businessDateAt(input.now).toString(),
      note: input.reason,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      recordedAt: toDate(input.now),
    });
    const status = await syncInvoiceStatus(tx, invoice);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'billing.written_off',
      targetType: 'invoice',
      targetId: invoice.id,
      before: { status: status.before, open: before.open },
      after: { status: status.after, open: status.sums.open, entryId, amount },
      reason: input.reason,
      at: input.now,
    });
    return { entryId, status: status.after, open: status.sums.open, amount };
  });
}
