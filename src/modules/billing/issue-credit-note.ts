// Issues a credit note (適格返還請求書) on an issued invoice, for all of it or chosen lines and amounts, with its ledger entry, audited.
import { eq, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { creditNoteLines, creditNotes } from '../../db/schema/billing-documents.js';
import { invoiceLines, invoices, receivableEntries } from '../../db/schema/billing-invoices.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { yen, yenFromDb } from '../../domain/money.js';
import { taxOn } from '../../domain/tax.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { type CreditNoteDetail, findCreditNote } from './credit-note-view.js';
import { invoiceNotFound } from './get-invoice.js';
import { queryRows } from './invoice-sql.js';

/** The stable refusals of a credit note; nothing is written when one is raised. */
export const creditNoteErrors = {
  notIssued: () =>
    new AppError({
      code: 'credit_note_invoice_not_issued',
      status: 409,
      message: {
        ja: '発行済みの請求書にのみ返還請求書を発行できます。',
        en: 'Only an issued invoice can be credited.',
      },
    }),
  unknownLine: (position: number) =>
    new AppError({
      code: 'credit_note_line_unknown',
      status: 422,
      message: {
        ja: `請求書に明細 ${String(position)} はありません。`,
        en: `The invoice has no line ${String(position)}.`,
      },
      extensions: { position: String(position) },
    }),
  exceeds: (position: number) =>
    new AppError({
      code: 'credit_note_exceeds_invoice',
      status: 422,
      message: {
        ja: `明細 ${String(position)} の返還額が、請求額から返還済みの額を引いた残りを超えています。`,
        en: `The amount for line ${String(position)} is more than what is left of it to credit.`,
      },
      extensions: { position: String(position) },
    }),
  nothingLeft: () =>
    new AppError({
      code: 'credit_note_nothing_left',
      status: 409,
      message: {
        ja: 'この請求書はすでに全額が返還されています。',
        en: 'This invoice has already been credited in full.',
      },
    }),
  duplicateLine: (position: number) =>
    new AppError({
      code: 'credit_note_line_repeated',
      status: 422,
      message: {
        ja: `明細 ${String(position)} が二度指定されています。`,
        en: `Line ${String(position)} is given twice.`,
      },
      extensions: { position: String(position) },
    }),
};

/** What an operator asks: the lines and tax-exclusive amounts to return, or (no `lines`) all that is left. */
export interface IssueCreditNoteInput {
  invoiceId: string;
  reason: string;
  lines?: { position: number; amount?: number | undefined }[] | undefined;
  actor: Actor;
  now: Temporal.Instant;
}

/** A credit-note number: one sequence per year, e.g. `CN2026-0000001`. */
export function creditNoteNumberOf(year: number, sequence: number): string {
  return `CN${String(year)}-${String(sequence).padStart(7, '0')}`;
}

/**
 * Issues the credit note. The invoice row is locked first, so two credit notes at once on the same
 * invoice are decided one after the other and together never return more than was invoiced; each rate's
 * tax is rounded once on this document's rate sum, and the note that returns the last of a rate returns
 * exactly the invoice's remaining tax of that rate (so the credits' tax never exceeds the invoice's).
 */
export async function issueCreditNote(db: Db, input: IssueCreditNoteInput): Promise<CreditNoteDetail> {
  const id = await db.transaction(async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for('update');
    if (!invoice) throw invoiceNotFound();
    if (invoice.status === 'draft' || invoice.status === 'void') throw creditNoteErrors.notIssued();
    const lines = await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
    const credited = await queryRows<{ invoice_position: number; amount: string }>(
      tx,
      sql`select l.invoice_position, sum(l.amount)::text as amount
          from credit_note_lines l join credit_notes n on n.id = l.credit_note_id
          where n.invoice_id = ${invoice.id} group by l.invoice_position`,
    );
    const [creditedTax] = await queryRows<{ standard: string; reduced: string }>(
      tx,
      sql`select coalesce(sum(standard_tax), 0)::text as standard, coalesce(sum(reduced_tax), 0)::text as reduced
          from credit_notes where invoice_id = ${invoice.id}`,
    );
    const left = new Map<number, number>();
    for (const line of lines) left.set(line.position, Number(yenFromDb(line.amount)));
    for (const row of credited) {
      left.set(row.invoice_position, (left.get(row.invoice_position) ?? 0) - Number(yenFromDb(row.amount)));
    }

    const asked = input.lines ?? lines.map((line) => ({ position: line.position, amount: undefined }));
    const seen = new Set<number>();
    const chosen: { line: (typeof lines)[number]; amount: number }[] = [];
    for (const want of asked) {
      if (seen.has(want.position)) throw creditNoteErrors.duplicateLine(want.position);
      seen.add(want.position);
      const line = lines.find((l) => l.position === want.position);
      if (!line) throw creditNoteErrors.unknownLine(want.position);
      const remaining = left.get(line.position) ?? 0;
      const amount = want.amount ?? remaining;
      if (want.amount !== undefined && amount > remaining) throw creditNoteErrors.exceeds(line.position);
      if (amount > 0) chosen.push({ line, amount });
    }
    if (chosen.length === 0) throw creditNoteErrors.nothingLeft();
    chosen.sort((a, b) => a.line.position - b.line.position);

    const rateTotals = (percent: 10 | 8) => {
      const taxable = chosen.filter((c) => c.line.taxPercent === percent).reduce((s, c) => s + c.amount, 0);
      if (taxable === 0) return { taxable: 0, tax: 0 };
      const rate = percent === 10 ? 'standard' : 'reduced';
      const invoiceTax = Number(yenFromDb(percent === 10 ? invoice.standardTax : invoice.reducedTax));
      const taxLeft = invoiceTax - Number(percent === 10 ? creditedTax!.standard : creditedTax!.reduced);
      const rateLeft = lines
        .filter((l) => l.taxPercent === percent)
        .reduce((s, l) => s + (left.get(l.position) ?? 0), 0);
      const exhausts = rateLeft - taxable === 0;
      const tax = exhausts ? taxLeft : Math.min(taxOn(yen(taxable), rate, invoice.taxRounding), taxLeft);
      return { taxable, tax };
    };
    const standard = rateTotals(10);
    const reduced = rateTotals(8);
    const subtotal = standard.taxable + reduced.taxable;
    const tax = standard.tax + reduced.tax;

    const issueDate = businessDateAt(input.now).toString();
    const year = Number(issueDate.slice(0, 4));
    await tx.execute(
      sql`insert into credit_note_number_counters (year, last_sequence) values (${year}, 0) on conflict do nothing`,
    );
    const [counter] = await queryRows<{ last_sequence: number }>(
      tx,
      sql`update credit_note_number_counters set last_sequence = last_sequence + 1 where year = ${year} returning last_sequence`,
    );
    const sequence = Number(counter!.last_sequence);
    const id = newId('creditNote');
    const number = creditNoteNumberOf(year, sequence);
    const at = toDate(input.now);
    await tx.insert(creditNotes).values({
      id,
      number,
      year,
      sequence,
      invoiceId: invoice.id,
      memberId: invoice.memberId,
      issueDate,
      originalIssueDate: invoice.issueDate,
      originalPeriodFrom: invoice.periodFrom,
      originalPeriodThrough: invoice.periodThrough,
      reason: input.reason,
      issuerName: invoice.issuerName,
      registrationNumber: invoice.registrationNumber,
      taxRounding: invoice.taxRounding,
      standardTaxable: BigInt(standard.taxable),
      standardTax: BigInt(standard.tax),
      reducedTaxable: BigInt(reduced.taxable),
      reducedTax: BigInt(reduced.tax),
      subtotal: BigInt(subtotal),
      tax: BigInt(tax),
      total: BigInt(subtotal + tax),
      createdByKind: input.actor.kind,
      createdById: input.actor.id,
      createdAt: at,
    });
    await tx.insert(creditNoteLines).values(
      chosen.map((c, index) => ({
        creditNoteId: id,
        position: index + 1,
        invoicePosition: c.line.position,
        descriptionJa: c.line.descriptionJa,
        descriptionEn: c.line.descriptionEn,
        amount: BigInt(c.amount),
        taxPercent: c.line.taxPercent,
        serviceFrom: c.line.serviceFrom,
        serviceThrough: c.line.serviceThrough,
      })),
    );
    await tx.insert(receivableEntries).values({
      id: newId('receivableEntry'),
      memberId: invoice.memberId,
      kind: 'credit_note',
      amount: BigInt(-(subtotal + tax)),
      invoiceId: invoice.id,
      occurredOn: issueDate,
      note: number,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      recordedAt: at,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'billing.credit_note_issued',
      targetType: 'invoice',
      targetId: invoice.id,
      after: {
        creditNoteId: id,
        number,
        lines: chosen.map((c) => ({ position: c.line.position, amount: c.amount })),
        subtotal,
        tax,
        total: subtotal + tax,
      },
      reason: input.reason,
      at: input.now,
    });
    return id;
  });
  const note = await findCreditNote(db, id);
  if (!note) throw new Error(`credit note ${id} vanished after commit`);
  return note;
}
