// The operator inbox: inquiries filtered by status, category and free text, newest first.
import { and, count, desc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inquiries } from '../../db/schema/support.js';
import type { InquiryCategory, InquiryStatus } from '../../domain/inquiries.js';

export interface ListInquiriesInput {
  status?: InquiryStatus | undefined;
  category?: InquiryCategory | undefined;
  /** Matched against number, subject, message, contact name and email, ignoring case. */
  search?: string | undefined;
  assigneeOperatorId?: string | undefined;
  /** Only inquiries nobody has taken yet (ignored when `assigneeOperatorId` is given). */
  unassigned?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export type InquirySummary = Pick<
  typeof inquiries.$inferSelect,
  | 'id'
  | 'number'
  | 'category'
  | 'subject'
  | 'contactName'
  | 'contactEmail'
  | 'memberId'
  | 'status'
  | 'assigneeOperatorId'
  | 'createdAt'
  | 'updatedAt'
>;

export interface InquiryPage {
  items: InquirySummary[];
  total: number;
}

function likePattern(text: string): string {
  // The search is literal: % and _ typed by an operator match themselves.
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** A page of the inbox (50 by default, at most 200) and the number of matches. */
export async function listInquiries(db: DbOrTx, input: ListInquiriesInput = {}): Promise<InquiryPage> {
  const conditions: SQL[] = [];
  if (input.status) conditions.push(eq(inquiries.status, input.status));
  if (input.category) conditions.push(eq(inquiries.category, input.category));
  if (input.assigneeOperatorId) conditions.push(eq(inquiries.assigneeOperatorId, input.assigneeOperatorId));
  else if (input.unassigned) conditions.push(isNull(inquiries.assigneeOperatorId));
  const search = input.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    const anyField = or(
      ilike(inquiries.number, pattern),
      ilike(inquiries.subject, pattern),
      ilike(inquiries.message, pattern),
      ilike(inquiries.contactName, pattern),
      ilike(inquiries.contactEmail, pattern),
    );
    if (anyField) conditions.push(anyField);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const items = await db
    .select({
      id: inquiries.id,
      number: inquiries.number,
      category: inquiries.category,
      subject: inquiries.subject,
      contactName: inquiries.contactName,
      contactEmail: inquiries.contactEmail,
      memberId: inquiries.memberId,
      status: inquiries.status,
      assigneeOperatorId: inquiries.assigneeOperatorId,
      createdAt: inquiries.createdAt,
      updatedAt: inquiries.updatedAt,
    })
    .from(inquiries)
    .where(where)
    .orderBy(desc(inquiries.createdAt), desc(inquiries.id))
    .limit(limit)
    .offset(Math.max(input.offset ?? 0, 0));
  const [total] = await db.select({ n: count() }).from(inquiries).where(where);
  return { items, total: total?.n ?? 0 };
}
