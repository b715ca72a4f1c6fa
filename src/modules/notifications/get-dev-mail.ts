// Reads one mail of the dev mailbox by id, so the console can open a mail that has dropped out of the newest page.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { devMailbox } from '../../db/schema/notifications.js';
import type { DevMail } from './list-dev-mailbox.js';

/** The mail, or null for an id the mailbox does not hold. */
export async function getDevMail(db: DbOrTx, id: string): Promise<DevMail | null> {
  const [mail] = await db.select().from(devMailbox).where(eq(devMailbox.id, id));
  return mail ?? null;
}
