// Counts the inquiries waiting for support: new ones nobody has picked up, and ones in progress without an answer.
import { count, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inquiries } from '../../db/schema/support.js';

export interface OpenInquiries {
  /** `new`: received, nobody has started on it. */
  new: number;
  /** `in_progress`: picked up, or reopened by the customer's follow-up, and not yet answered. */
  unanswered: number;
}

/** The numbers behind the console home's inquiry counts. */
export async function countOpenInquiries(db: DbOrTx): Promise<OpenInquiries> {
  const rows = await db
    .select({ status: inquiries.status, n: count() })
    .from(inquiries)
    .where(inArray(inquiries.status, ['new', 'in_progress']))
    .groupBy(inquiries.status);
  const of = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  return { new: of('new'), unanswered: of('in_progress') };
}
