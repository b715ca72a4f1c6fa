// Sends a billing PDF: application/pdf, the document number in the file name, the stored hash when there is one.

import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { BillingPdf } from '../../../modules/billing/index.js';

/** `?lang=en` prints English beside the Japanese; the stored legal record is the Japanese copy. */
export const pdfLangQuerySchema = z.object({
  lang: z.enum(['ja', 'en']).default('ja').openapi({ description: 'en: English beside the Japanese' }),
});

/** The OpenAPI body of a PDF answer. */
export const pdfContent = { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } };

/** The PDF as the answer; `X-Content-SHA256` carries the stored record's hash. */
export function pdfResponse(c: Context, pdf: BillingPdf) {
  const headers: Record<string, string> = {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${pdf.filename}"`,
    'cache-control': 'private, no-store',
  };
  if (pdf.sha256) headers['x-content-sha256'] = pdf.sha256;
  return c.body(new Uint8Array(pdf.bytes), 200, headers);
}
