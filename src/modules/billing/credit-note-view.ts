// A credit note as the console shows it: the original sale, the returned lines and the returned amount and tax per rate.
import { asc, eq, type InferSelectModel } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { creditNoteLines, creditNotes } from '../../db/schema/billing-documents.js';
import { type Yen, yenFromDb } from '../../domain/money.js';
import type { InvoiceRateTotal } from './invoice-view.js';

/** One returned line with the service period of the invoice line it returns. */
export interface CreditNoteLineView {
  position: number;
  invoicePosition: number;
  description: { ja: string; en: string };
  amount: Yen;
  taxPercent: number;
  reducedMarker: boolean;
  serviceFrom: string;
  serviceThrough: string;
}

/** The whole credit note (returned amounts are positive; the ledger entry is their negative). */
export interface CreditNoteDetail {
  id: string;
  number: string;
  invoiceId: string;
  memberId: string;
  issueDate: string;
  original: { issueDate: string; periodFrom: string; periodThrough: string };
  reason: string;
  issuerName: string;
  registrationNumber: string | null;
  rates: InvoiceRateTotal[];
  subtotal: Yen;
  tax: Yen;
  total: Yen;
  lines: CreditNoteLineView[];
  createdAt: string;
}

/** Maps a credit note and its lines (position order) to the detail. */
export function creditNoteDetailOf(
  row: InferSelectModel<typeof creditNotes>,
  lines: InferSelectModel<typeof creditNoteLines>[],
): CreditNoteDetail {
  const rates: InvoiceRateTotal[] = [];
  if (lines.some((l) => l.taxPercent === 10))
    rates.push({
      percent: 10,
      reduced: false,
      taxableAmount: yenFromDb(row.standardTaxable),
      tax: yenFromDb(row.standardTax),
    });
  if (lines.some((l) => l.taxPercent === 8))
    rates.push({
      percent: 8,
      reduced: true,
      taxableAmount: yenFromDb(row.reducedTaxable),
      tax: yenFromDb(row.reducedTax),
    });
  return {
    id: row.id,
    number: row.number,
    invoiceId: row.invoiceId,
    memberId: row.memberId,
    issueDate: row.issueDate,
    original: {
      issueDate: row.originalIssueDate,
      periodFrom: row.originalPeriodFrom,
      periodThrough: row.originalPeriodThrough,
    },
    reason: row.reason,
    issuerName: row.issuerName,
    registrationNumber: row.registrationNumber,
    rates,
    subtotal: yenFromDb(row.subtotal),
    tax: yenFromDb(row.tax),
    total: yenFromDb(row.total),
    lines: lines.map((l) => ({
      position: l.position,
      invoicePosition: l.invoicePosition,
      description: { ja: l.descriptionJa, en: l.descriptionEn },
      amount: yenFromDb(l.amount),
      taxPercent: l.taxPercent,
      reducedMarker: l.taxPercent === 8,
      serviceFrom: l.serviceFrom,
      serviceThrough: l.serviceThrough,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The credit notes of one invoice, oldest first. */
export async function listInvoiceCreditNotes(db: DbOrTx, invoiceId: string): Promise<CreditNoteDetail[]> {
  const notes = await db
    .select()
    .from(creditNotes)
    .where(eq(creditNotes.invoiceId, invoiceId))
    .orderBy(asc(creditNotes.year), asc(creditNotes.sequence));
  const result: CreditNoteDetail[] = [];
  for (const note of notes) {
    const lines = await db
      .select()
      .from(creditNoteLines)
      .where(eq(creditNoteLines.creditNoteId, note.id))
      .orderBy(asc(creditNoteLines.position));
    result.push(creditNoteDetailOf(note, lines));
  }
  return result;
}

/** One credit note, or null. */
export async function findCreditNote(db: DbOrTx, creditNoteId: string): Promise<CreditNoteDetail | null> {
  const [note] = await db.select().from(creditNotes).where(eq(creditNotes.id, creditNoteId));
  if (!note) return null;
  const lines = await db
    .select()
    .from(creditNoteLines)
    .where(eq(creditNoteLines.creditNoteId, note.id))
    .orderBy(asc(creditNoteLines.position));
  return creditNoteDetailOf(note, lines);
}
