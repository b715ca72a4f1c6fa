// Reads the store's identity row.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { storeSettings } from '../../db/schema/store.js';

export type StoreSettings = typeof storeSettings.$inferSelect;

/** The store's settings; the row is created by the migrations, so it is always there. */
export async function getStoreSettings(db: DbOrTx): Promise<StoreSettings> {
  const [row] = await db.select().from(storeSettings).where(eq(storeSettings.id, 1));
  // The first migration inserts the row and nothing deletes it: its absence means a damaged database.
  if (!row) throw new Error('store_settings row 1 is missing: restore the database from a backup');
  return row;
}
