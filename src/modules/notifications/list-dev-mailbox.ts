// Reads the dev mailbox, newest first: what the store would have sent with SMTP configured.
import { desc, eq, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { devMailbox, outbox } from '../../db/schema/notifications.js';

/** A kept mail and the template it was rendered from (which says whether it carries a credential). */
export type DevMail = typeof devMailbox.$inferSelect & { template: string };

/** The most recent `limit` mails kept in the dev mailbox. */
export async function listDevMailbox(db: DbOrTx, limit = 20): Promise<DevMail[]> {
  return db
    .select({ ...getTableColumns(devMailbox), template: outbox.template })
    .from(devMailbox)
    .innerJoin(outbox, eq(outbox.id, devMailbox.outboxId))
    .orderBy(desc(devMailbox.deliveredAt), desc(devMailbox.id))
    .limit(limit);
}
