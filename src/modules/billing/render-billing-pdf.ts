// A qualified invoice (適格請求書) or credit note (適格返還請求書) as an A4 PDF with Noto Sans JP, in Japanese or with English beside it.
import PDFDocument from 'pdfkit';
import { formatYen, type Yen } from '../../domain/money.js';
import { pdfRow, pdfRule, registerJapaneseFonts } from '../../pdf-drawing.js';

/** One printed line: what, how many, for which days, at which rate. */
export interface BillingPdfLine {
  description: { ja: string; en: string };
  quantity: number | null;
  unitPrice: Yen | null;
  amount: Yen;
  taxPercent: number;
  reducedMarker: boolean;
  serviceFrom: string;
  serviceThrough: string;
}

/** Everything a billing document prints; amounts are positive (a credit note prints what is returned). */
export interface BillingPdfInput {
  kind: 'invoice' | 'credit_note';
  locale: 'ja' | 'en';
  draft: boolean;
  number: string;
  issueDate: string;
  issuerName: string;
  registrationNumber: string | null;
  issuerContact: string | null;
  /** The recipient as printed: a company gets 御中, a person 様. */
  recipient: { name: string; company: boolean };
  periodFrom: string;
  periodThrough: string;
  lines: BillingPdfLine[];
  rates: { percent: number; reduced: boolean; taxableAmount: Yen; tax: Yen }[];
  subtotal: Yen;
  tax: Yen;
  total: Yen;
  /** When and how the invoice is paid, if known. */
  payment: { dueDate: string | null; method: { ja: string; en: string } | null } | null;
  /** A credit note's original sale and reason. */
  original: { number: string; issueDate: string; periodFrom: string; periodThrough: string } | null;
  reason: string | null;
}

type Words = {
  title: (kind: BillingPdfInput['kind']) => string;
  draft: string;
  number: string;
  issueDate: string;
  issuer: string;
  registration: string;
  noRegistration: string;
  period: string;
  item: string;
  servicePeriod: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  rate: string;
  taxable: (percent: number, reduced: boolean) => string;
  tax: (percent: number) => string;
  subtotal: string;
  taxTotal: string;
  total: (kind: BillingPdfInput['kind']) => string;
  due: string;
  method: string;
  reducedNote: string;
  original: string;
  originalDate: string;
  reason: string;
  honorific: (company: boolean) => string;
};

// The legal wording is Japanese; English stands beside it, never instead of it.
const ja: Words = {
  title: (kind) => (kind === 'invoice' ? '請求書（適格請求書）' : '返還請求書（適格返還請求書）'),
  draft: '下書き（発行前のため適格請求書ではありません）',
  number: '書類番号',
  issueDate: '発行日',
  issuer: '発行者',
  registration: '登録番号',
  noRegistration: '（未登録）',
  period: '請求期間',
  item: '品目',
  servicePeriod: '取引期間',
  quantity: '数量',
  unitPrice: '単価（税抜）',
  amount: '金額（税抜）',
  rate: '税率',
  taxable: (percent, reduced) => `${percent}%対象${reduced ? '（軽減税率※）' : ''}`,
  tax: (percent) => `消費税（${percent}%）`,
  subtotal: '小計（税抜）',
  taxTotal: '消費税合計',
  total: (kind) => (kind === 'invoice' ? 'ご請求金額（税込）' : '返還金額（税込）'),
  due: 'お支払期限',
  method: 'お支払方法',
  reducedNote: '※は軽減税率（8%）対象品目です。',
  original: '元の請求書',
  originalDate: '元の取引日・期間',
  reason: '返還理由',
  honorific: (company) => (company ? ' 御中' : ' 様'),
};

const en: Words = {
  title: (kind) =>
    kind === 'invoice'
      ? '請求書（適格請求書） Qualified invoice'
      : '返還請求書（適格返還請求書） Qualified credit note',
  draft: '下書き Draft — not yet issued, not a qualified invoice',
  number: '書類番号 Number',
  issueDate: '発行日 Issue date',
  issuer: '発行者 Issuer',
  registration: '登録番号 Registration number',
  noRegistration: '(not registered)',
  period: '請求期間 Billing period',
  item: 'Item',
  servicePeriod: 'Service period',
  quantity: 'Qty',
  unitPrice: 'Unit price (excl. tax)',
  amount: 'Amount (excl. tax)',
  rate: 'Tax',
  taxable: (percent, reduced) =>
    `${percent}%対象 Taxable at ${percent}%${reduced ? ' (reduced rate ※)' : ''}`,
  tax: (percent) => `消費税（${percent}%） Consumption tax`,
  subtotal: '小計 Subtotal (excl. tax)',
  taxTotal: '消費税合計 Tax',
  total: (kind) => (kind === 'invoice' ? 'ご請求金額 Total (incl. tax)' : '返還金額 Returned (incl. tax)'),
  due: 'お支払期限 Due date',
  method: 'お支払方法 Payment method',
  reducedNote: '※は軽減税率（8%）対象品目です。 ※ Taxed at the reduced rate (8%).',
  original: '元の請求書 Original invoice',
  originalDate: '元の取引日・期間 Original sale',
  reason: '返還理由 Reason',
  honorific: (company) => (company ? ' 御中' : ' 様'),
};

/** The PDF's bytes; the creation date is the issue date, so the same document renders the same way. */
export async function renderBillingPdf(input: BillingPdfInput): Promise<Buffer> {
  const w = input.locale === 'ja' ? ja : en;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: {
      Title: `${w.title(input.kind)} ${input.number}`,
      Author: input.issuerName,
      CreationDate: new Date(`${input.issueDate}T00:00:00+09:00`),
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

  doc.font('bold').fontSize(16).text(w.title(input.kind), left);
  if (input.draft) doc.fillColor('#c0392b').fontSize(10).text(w.draft, left).fillColor('black');
  doc.moveDown(0.5);

  doc
    .font('bold')
    .fontSize(12)
    .text(`${input.recipient.name}${w.honorific(input.recipient.company)}`, left);
  doc.moveDown(0.4);

  const facts: [string, string][] = [
    [w.number, input.number],
    [w.issueDate, input.issueDate],
    [w.issuer, input.issuerName],
    [w.registration, input.registrationNumber ?? w.noRegistration],
  ];
  if (input.kind === 'invoice') facts.push([w.period, `${input.periodFrom} – ${input.periodThrough}`]);
  if (input.original) {
    facts.push([w.original, input.original.number]);
    facts.push([
      w.originalDate,
      `${input.original.issueDate} (${input.original.periodFrom} – ${input.original.periodThrough})`,
    ]);
  }
  if (input.reason) facts.push([w.reason, input.reason]);
  if (input.payment?.dueDate) facts.push([w.due, input.payment.dueDate]);
  if (input.payment?.method) facts.push([w.method, input.payment.method[input.locale]]);
  doc.fontSize(10);
  for (const [label, value] of facts) {
    doc.font('bold').text(`${label}: `, left, doc.y, { continued: true }).font('regular').text(value);
  }
  if (input.issuerContact) doc.fontSize(8).text(input.issuerContact, left);
  doc.moveDown(0.6);

  doc
    .font('bold')
    .fontSize(12)
    .text(`${w.total(input.kind)}  ${formatYen(input.total)}`, left);
  doc.moveDown(0.6);

  const columns = [
    { title: w.item, width: width * 0.33, align: 'left' as const },
    { title: w.servicePeriod, width: width * 0.22, align: 'left' as const },
    { title: w.quantity, width: width * 0.07, align: 'right' as const },
    { title: w.unitPrice, width: width * 0.14, align: 'right' as const },
    { title: w.amount, width: width * 0.14, align: 'right' as const },
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
  for (const line of input.lines) {
    pdfRow(
      doc,
      columns,
      [
        `${line.description[input.locale]}${line.reducedMarker ? ' ※' : ''}`,
        line.serviceFrom === line.serviceThrough
          ? line.serviceFrom
          : `${line.serviceFrom} – ${line.serviceThrough}`,
        line.quantity === null ? '' : String(line.quantity),
        line.unitPrice === null ? '' : formatYen(line.unitPrice),
        formatYen(line.amount),
        `${line.taxPercent}%${line.reducedMarker ? '※' : ''}`,
      ],
      left,
      'regular',
    );
  }
  pdfRule(doc, left, width);
  doc.moveDown(0.4);

  // Tax is rounded once per rate on the document: each rate's sum and its tax are printed.
  doc.font('regular');
  for (const rate of input.rates) {
    amountLine(doc, w.taxable(rate.percent, rate.reduced), rate.taxableAmount, left, width);
    amountLine(doc, `  ${w.tax(rate.percent)}`, rate.tax, left, width);
  }
  amountLine(doc, w.subtotal, input.subtotal, left, width);
  amountLine(doc, w.taxTotal, input.tax, left, width);
  doc.font('bold');
  amountLine(doc, w.total(input.kind), input.total, left, width);
  doc.font('regular').moveDown(0.6);
  if (input.lines.some((line) => line.reducedMarker)) doc.fontSize(9).text(w.reducedNote, left);
  doc.end();
  return finished;
}

function amountLine(doc: PDFKit.PDFDocument, label: string, amount: Yen, left: number, width: number): void {
  const y = doc.y;
  doc.fontSize(10).text(label, left + 12, y, { width: width * 0.6 });
  doc.text(formatYen(amount), left + width * 0.6, y, { width: width * 0.4, align: 'right' });
  doc.x = left;
}
