// The accounting CSV of a month's invoices: one row per invoice line with its invoice's facts, in Shift_JIS (Windows-31J) or UTF-8 with BOM.

import { and, asc, eq, gte, lte } from 'drizzle-orm';
import iconv from 'iconv-lite';
import type { DbOrTx } from '../../db/client.js';
import { invoiceLines, invoices } from '../../db/schema/billing-invoices.js';
import { invoiceStatusLabels } from '../../domain/invoices.js';
import { findMemberContacts } from '../identity/index.js';
import { billedMonthBounds, billedMonthOf } from './billing-period.js';

/** The columns, in order (documented in the module README). */
export const invoiceCsvColumns = [
  '請求書番号',
  '発行日',
  '請求月',
  '請求期間開始',
  '請求期間終了',
  '状態',
  '会員ID',
  '取引先',
  '登録番号',
  '明細番号',
  '品目',
  '取引期間開始',
  '取引期間終了',
  '数量',
  '単価（税抜）',
  '金額（税抜）',
  '税率',
  '軽減税率',
  '税率別対象額（税抜）',
  '税率別消費税',
  '請求小計（税抜）',
  '請求消費税',
  '請求合計（税込）',
] as const;

/** `sjis`: Windows-31J, the Shift_JIS accounting software reads; `utf8bom`: UTF-8 led by a BOM. */
export type CsvEncoding = 'sjis' | 'utf8bom';

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text (CRLF line ends) of the invoices whose billed month is `month`, by number and line. */
export async function invoicesCsvText(db: DbOrTx, month: string): Promise<string> {
  const bounds = billedMonthBounds(month);
  const rows = await db
    .select({
      number: invoices.number,
      issueDate: invoices.issueDate,
      periodFrom: invoices.periodFrom,
      periodThrough: invoices.periodThrough,
      status: invoices.status,
      memberId: invoices.memberId,
      registrationNumber: invoices.registrationNumber,
      standardTaxable: invoices.standardTaxable,
      standardTax: invoices.standardTax,
      reducedTaxable: invoices.reducedTaxable,
      reducedTax: invoices.reducedTax,
      subtotal: invoices.subtotal,
      tax: invoices.tax,
      total: invoices.total,
      position: invoiceLines.position,
      description: invoiceLines.descriptionJa,
      serviceFrom: invoiceLines.serviceFrom,
      serviceThrough: invoiceLines.serviceThrough,
      quantity: invoiceLines.quantity,
      unitPrice: invoiceLines.unitPrice,
      amount: invoiceLines.amount,
      taxPercent: invoiceLines.taxPercent,
    })
    .from(invoices)
    .innerJoin(invoiceLines, eq(invoiceLines.invoiceId, invoices.id))
    .where(and(gte(invoices.periodThrough, bounds.first), lte(invoices.periodThrough, bounds.last)))
    .orderBy(asc(invoices.number), asc(invoiceLines.position));
  const contacts = await findMemberContacts(
    db,
    rows.map((r) => r.memberId),
  );
  const lines = [invoiceCsvColumns.map(cell).join(',')];
  for (const r of rows) {
    const member = contacts.get(r.memberId);
    const counterparty = member?.companyName?.trim() ? member.companyName : (member?.name ?? '');
    const reduced = r.taxPercent === 8;
    lines.push(
      [
        r.number,
        r.issueDate,
        billedMonthOf(r.periodThrough),
        r.periodFrom,
        r.periodThrough,
        invoiceStatusLabels[r.status].ja,
        r.memberId,
        counterparty,
        r.registrationNumber ?? '',
        r.position,
        r.description,
        r.serviceFrom,
        r.serviceThrough,
        r.quantity,
        String(r.unitPrice),
        String(r.amount),
        `${r.taxPercent}%`,
        reduced ? '※' : '',
        String(reduced ? r.reducedTaxable : r.standardTaxable),
        String(reduced ? r.reducedTax : r.standardTax),
        String(r.subtotal),
        String(r.tax),
        String(r.total),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The month's CSV as bytes in the chosen encoding. */
export async function exportInvoicesCsv(
  db: DbOrTx,
  input: { month: string; encoding: CsvEncoding },
): Promise<Buffer> {
  const text = await invoicesCsvText(db, input.month);
  if (input.encoding === 'sjis') return iconv.encode(text, 'cp932');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
