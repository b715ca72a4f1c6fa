// Reads the dev mailbox, newest first: what the store would have sent with SMTP configured.
import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { devMailbox } from '../../db/schema/notifications.js';

export type DevMail = typeof devMailbox.$inferSelect;

/** The most recent `limit` mails kept in the dev mailbox. */
export async function listDevMailbox(db: DbOrTx, limit = 20): Promise<DevMail[]> {
  return db.select().from(devMailbox).orderBy(desc(devMailbox.deliveredAt), desc(devMailbox.id)).limit(limit);
}
