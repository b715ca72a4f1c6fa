// One inquiry as an operator sees it: every message, internal notes included.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inquiries, inquiryMessages } from '../../db/schema/support.js';
import { supportErrors } from './support-errors.js';

export type InquiryMessage = typeof inquiryMessages.$inferSelect;
export type InquiryDetail = typeof inquiries.$inferSelect & { messages: InquiryMessage[] };

/** The whole inquiry for the operator inbox, or `inquiry_not_found`. */
export async function getInquiry(db: DbOrTx, inquiryId: string): Promise<InquiryDetail> {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, inquiryId));
  if (!row) throw supportErrors.inquiryNotFound();
  const messages = await db
    .select()
    .from(inquiryMessages)
    .where(eq(inquiryMessages.inquiryId, inquiryId))
    .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id));
  return { ...row, messages };
}
