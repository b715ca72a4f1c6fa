// Drawing pieces the store's Japanese PDFs share (the estimate, invoices, credit notes): fonts, table rows, rules.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The full TTFs: pdfkit subsets them; the web fonts' WOFF2 slices render blank in pdfkit.
const regularFont = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const boldFont = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

/** Registers Noto Sans JP as the fonts `regular` and `bold`. */
export function registerJapaneseFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont('regular', regularFont);
  doc.registerFont('bold', boldFont);
}

/** One column of a drawn table. */
export type PdfColumn = { title: string; width: number; align: 'left' | 'right' };

/** Draws one table row at the cursor, as tall as its tallest cell, and moves the cursor below it. */
export function pdfRow(
  doc: PDFKit.PDFDocument,
  columns: PdfColumn[],
  cells: string[],
  left: number,
  font: string,
): void {
  const y = doc.y;
  let x = left;
  let bottom = y;
  doc.font(font).fontSize(9);
  columns.forEach((column, index) => {
    doc.text(cells[index] ?? '', x + 2, y, { width: column.width - 4, align: column.align });
    bottom = Math.max(bottom, doc.y);
    x += column.width;
  });
  doc.x = left;
  doc.y = bottom + 3;
}

/** Draws a thin grey rule across the width at the cursor. */
export function pdfRule(doc: PDFKit.PDFDocument, left: number, width: number): void {
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .strokeColor('#888888')
    .stroke();
  doc.y += 3;
}
