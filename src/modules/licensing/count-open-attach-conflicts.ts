// Counts refused attachments of licences another member holds that no operator has looked into yet, for the console home.
import { count, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licenceAttachConflicts } from '../../db/schema/licensing.js';

/** Open attach conflicts. */
export async function countOpenAttachConflicts(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(licenceAttachConflicts)
    .where(isNull(licenceAttachConflicts.resolvedAt));
  return row?.n ?? 0;
}
