// One of a member's own inquiries with the conversation the member may see (never internal notes).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inquiries, inquiryMessages } from '../../db/schema/support.js';
import { supportErrors } from './support-errors.js';

export interface MyInquiryMessage {
  id: string;
  direction: 'from_customer' | 'to_customer';
  body: string;
  createdAt: Date;
}

export type MyInquiry = Pick<
  typeof inquiries.$inferSelect,
  | 'id'
  | 'number'
  | 'category'
  | 'subject'
  | 'message'
  | 'contactName'
  | 'contactEmail'
  | 'contactPhone'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
> & { messages: MyInquiryMessage[] };

export interface GetMyInquiryInput {
  memberId: string;
  inquiryId: string;
}

/** The inquiry if it is the member's; another member's or an unknown id is the same `inquiry_not_found`. */
export async function getMyInquiry(db: DbOrTx, input: GetMyInquiryInput): Promise<MyInquiry> {
  const [row] = await db
    .select({
      id: inquiries.id,
      number: inquiries.number,
      category: inquiries.category,
      subject: inquiries.subject,
      message: inquiries.message,
      contactName: inquiries.contactName,
      contactEmail: inquiries.contactEmail,
      contactPhone: inquiries.contactPhone,
      status: inquiries.status,
      createdAt: inquiries.createdAt,
      updatedAt: inquiries.updatedAt,
    })
    .from(inquiries)
    .where(and(eq(inquiries.id, input.inquiryId), eq(inquiries.memberId, input.memberId)));
  if (!row) throw supportErrors.inquiryNotFound();
  const messages = await db
    .select({
      id: inquiryMessages.id,
      direction: inquiryMessages.direction,
      body: inquiryMessages.body,
      createdAt: inquiryMessages.createdAt,
    })
    .from(inquiryMessages)
    .where(
      and(
        eq(inquiryMessages.inquiryId, row.id),
        inArray(inquiryMessages.direction, ['from_customer', 'to_customer']),
      ),
    )
    .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id));
  return { ...row, messages: messages as MyInquiryMessage[] };
}
