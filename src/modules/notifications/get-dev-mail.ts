// Reads one mail of the dev mailbox by id, so the console can open a mail that has dropped out of the newest page.
import { eq, getTableColumns } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { devMailbox, outbox } from '../../db/schema/notifications.js';
import type { DevMail } from './list-dev-mailbox.js';

/** The mail with its template, or null for an id the mailbox does not hold. */
export async function getDevMail(db: DbOrTx, id: string): Promise<DevMail | null> {
  const [mail] = await db
    .select({ ...getTableColumns(devMailbox), template: outbox.template })
    .from(devMailbox)
    .innerJoin(outbox, eq(outbox.id, devMailbox.outboxId))
    .where(eq(devMailbox.id, id));
  return mail ?? null;
}
