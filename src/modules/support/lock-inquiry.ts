// Reads an inquiry for a change, holding its row lock so two changes to one inquiry take turns.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inquiries } from '../../db/schema/support.js';
import { supportErrors } from './support-errors.js';

export type InquiryRow = typeof inquiries.$inferSelect;

/** The inquiry locked until the transaction ends, or `inquiry_not_found` (404). */
export async function lockInquiry(tx: DbOrTx, inquiryId: string): Promise<InquiryRow> {
  const [row] = await tx.select().from(inquiries).where(eq(inquiries.id, inquiryId)).for('update');
  if (!row) throw supportErrors.inquiryNotFound();
  return row;
}
