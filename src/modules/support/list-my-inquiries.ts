// A member's own inquiries for My Page, newest first.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inquiries } from '../../db/schema/support.js';

export type MyInquirySummary = Pick<
  typeof inquiries.$inferSelect,
  'id' | 'number' | 'category' | 'subject' | 'status' | 'createdAt' | 'updatedAt'
>;

/** The member's inquiries; nobody else's can appear because the member id is the only filter. */
export async function listMyInquiries(db: DbOrTx, memberId: string): Promise<MyInquirySummary[]> {
  return db
    .select({
      id: inquiries.id,
      number: inquiries.number,
      category: inquiries.category,
      subject: inquiries.subject,
      status: inquiries.status,
      createdAt: inquiries.createdAt,
      updatedAt: inquiries.updatedAt,
    })
    .from(inquiries)
    .where(eq(inquiries.memberId, memberId))
    .orderBy(desc(inquiries.createdAt), desc(inquiries.id));
}
