// The printable estimate as a PDF (A4, Noto Sans JP embedded and subset by pdfkit), in Japanese or English.
import PDFDocument from 'pdfkit';
import type { Temporal } from 'temporal-polyfill';
import { STORE_TIME_ZONE } from '../../domain/clock.js';
import type { Estimate, EstimateLine } from '../../domain/estimate.js';
import { formatYen } from '../../domain/money.js';
import type { Bilingual } from '../../domain/pricing.js';
import type { DocumentTax } from '../../domain/tax.js';
import { pdfRow, pdfRule, registerJapaneseFonts } from '../../pdf-drawing.js';
import { estimateNotice } from './estimate-notice.js';

export interface EstimatePdfInput {
  locale: 'ja' | 'en';
  storeName: string;
  productName: Bilingual;
  planName: Bilingual;
  termLabel: Bilingual;
  estimate: Estimate;
  now: Temporal.Instant;
}

const words = {
  ja: {
    title: '料金シミュレーション結果',
    made: '作成日時',
    store: '販売元',
    product: '商品',
    plan: 'プラン',
    term: '契約期間',
    quantity: '数量',
    item: '項目',
    unitPrice: '単価（税抜）',
    amount: '金額（税抜）',
    rate: '税率',
    charge: '区分',
    perTerm: '契約期間ごと',
    oneTime: '初回のみ',
    usage: '従量（月あたり見込み）',
    included: '（標準付属）',
    setup: '初期費用',
    oneTimeTotal: '初期費用',
    perTermTotal: '契約期間あたり',
    perMonth: '月額換算',
    firstTerm: '初回お支払い見込み（初期費用＋1期間）',
    taxable: (percent: number, reduced: boolean) => `${percent}%対象${reduced ? '（軽減税率※）' : ''}`,
    tax: '消費税',
    subtotal: '小計（税抜）',
    total: '合計（税込）',
    reducedNote: '※は軽減税率（8%）対象です。',
    approx: '（概算）',
  },
  en: {
    title: 'Price simulation',
    made: 'Made at',
    store: 'Sold by',
    product: 'Product',
    plan: 'Plan',
    term: 'Term',
    quantity: 'Qty',
    item: 'Item',
    unitPrice: 'Unit price (excl. tax)',
    amount: 'Amount (excl. tax)',
    rate: 'Tax',
    charge: 'Charged',
    perTerm: 'per term',
    oneTime: 'once',
    usage: 'usage, per month (expected)',
    included: ' (included)',
    setup: 'Setup fee',
    oneTimeTotal: 'One-time fees',
    perTermTotal: 'Per term',
    perMonth: 'Per month',
    firstTerm: 'First payment, expected (one-time fees + one term)',
    taxable: (percent: number, reduced: boolean) =>
      `Taxable at ${percent}%${reduced ? ' (reduced rate *)' : ''}`,
    tax: 'Consumption tax',
    subtotal: 'Subtotal (excl. tax)',
    total: 'Total (incl. tax)',
    reducedNote: '* Reduced tax rate (8%).',
    approx: ' (approx.)',
  },
} as const;

/** The PDF's bytes. The notice that this is a simulation is printed at the top and at the bottom. */
export async function renderEstimatePdf(input: EstimatePdfInput): Promise<Buffer> {
  const w = words[input.locale];
  const t = (value: Bilingual) => value[input.locale];
  const made = input.now.toZonedDateTimeISO(STORE_TIME_ZONE);
  const madeText = `${made.toPlainDate().toString()} ${String(made.hour).padStart(2, '0')}:${String(made.minute).padStart(2, '0')} JST`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: {
      Title: `${w.title} — ${t(input.productName)}`,
      Author: input.storeName,
      CreationDate: new Date(input.now.epochMilliseconds),
    },
  });
  registerJapaneseFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('bold').fontSize(18).text(w.title, { align: 'left' });
  doc.moveDown(0.4);
  noticeBox(doc, t(estimateNotice), left, width);
  doc.moveDown(0.6);

  doc.font('regular').fontSize(10);
  for (const [label, value] of [
    [w.made, madeText],
    [w.product, t(input.productName)],
    [w.plan, t(input.planName)],
    [w.term, t(input.termLabel)],
    [w.quantity, String(input.estimate.quantity)],
    [w.store, input.storeName],
  ] as const) {
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  }
  doc.moveDown(0.8);

  // The lines.
  const columns = [
    { title: w.item, width: width * 0.34, align: 'left' as const },
    { title: w.charge, width: width * 0.17, align: 'left' as const },
    { title: w.quantity, width: width * 0.07, align: 'right' as const },
    { title: w.unitPrice, width: width * 0.15, align: 'right' as const },
    { title: w.amount, width: width * 0.17, align: 'right' as const },
    { title: w.rate, width: width * 0.1, align: 'right' as const },
  ];
  pdfRow(
    doc,
    columns,
    columns.map((c) => c.title),
    left,
    'bold',
  );
  pdfRule(doc, left, width);
  for (const line of input.estimate.lines) {
    pdfRow(doc, columns, lineCells(line, input.locale), left, 'regular');
  }
  pdfRule(doc, left, width);
  doc.moveDown(0.6);

  // The totals: each document's tax is rounded once per rate, as the engine computed it.
  const summaries: [string, DocumentTax][] = [
    [w.oneTimeTotal, input.estimate.oneTime],
    [w.perTermTotal, input.estimate.perTerm],
    [w.firstTerm, input.estimate.firstTerm],
  ];
  for (const [title, document] of summaries) {
    if (document.groups.length === 0) continue;
    doc.font('bold').fontSize(10).text(title, left);
    doc.font('regular');
    for (const group of document.groups) {
      amountLine(doc, w.taxable(group.percent, group.reduced), group.taxableAmount, left, width);
      amountLine(doc, `  ${w.tax} (${group.percent}%)`, group.tax, left, width);
    }
    amountLine(doc, w.subtotal, document.subtotal, left, width);
    doc.font('bold');
    amountLine(doc, w.total, document.total, left, width);
    doc.font('regular').moveDown(0.4);
  }
  const perMonth = input.estimate.perMonth;
  doc.font('bold').text(`${w.perMonth}${perMonth.exact ? '' : w.approx}`, left);
  doc.font('regular');
  amountLine(doc, w.subtotal, perMonth.subtotal, left, width);
  amountLine(doc, w.tax, perMonth.tax, left, width);
  doc.font('bold');
  amountLine(doc, w.total, perMonth.total, left, width);
  doc.font('regular').moveDown(0.6);

  if (input.estimate.lines.some((line) => line.taxRate === 'reduced'))
    doc.fontSize(9).text(w.reducedNote, left);
  doc.moveDown(0.4);
  noticeBox(doc, t(estimateNotice), left, width);
  doc.end();
  return finished;
}

function lineCells(line: EstimateLine, locale: 'ja' | 'en'): string[] {
  const w = words[locale];
  const name =
    line.kind === 'setup'
      ? `${w.setup}: ${line.name[locale]}`
      : `${line.name[locale]}${line.included ? w.included : ''}`;
  const charge = line.charge === 'one_time' ? w.oneTime : line.charge === 'per_term' ? w.perTerm : w.usage;
  const unit = line.unit ? ` ${line.unit[locale]}` : '';
  return [
    name,
    charge,
    `${line.quantity}${unit}`,
    formatYen(line.unitPrice),
    formatYen(line.amount),
    line.taxRate === 'reduced' ? '8%※' : '10%',
  ];
}

function amountLine(
  doc: PDFKit.PDFDocument,
  label: string,
  amount: number,
  left: number,
  width: number,
): void {
  const y = doc.y;
  doc.fontSize(10).text(label, left + 12, y, { width: width * 0.6 });
  doc.text(formatYen(amount as Parameters<typeof formatYen>[0]), left + width * 0.6, y, {
    width: width * 0.4,
    align: 'right',
  });
  doc.x = left;
}

function noticeBox(doc: PDFKit.PDFDocument, text: string, left: number, width: number): void {
  const y = doc.y;
  doc.font('bold').fontSize(10);
  const height = doc.heightOfString(text, { width: width - 16 }) + 12;
  doc.rect(left, y, width, height).lineWidth(1).strokeColor('#c0392b').stroke();
  doc.fillColor('#c0392b').text(text, left + 8, y + 6, { width: width - 16 });
  doc.fillColor('black').font('regular');
  doc.x = left;
  doc.y = y + height + 4;
}
