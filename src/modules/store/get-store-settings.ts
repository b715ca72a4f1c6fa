// Reads the store's identity row, once per request.
import { eq } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { storeSettings } from '../../db/schema/store.js';
import { currentRequest, type RequestOrigin } from '../../request-context.js';

export type StoreSettings = typeof storeSettings.$inferSelect;

// A checkout's services ask for the settings a dozen times per request: outside transactions the first
// read of a request answers the rest. The next request reads again, so an operator's change (on any node)
// applies from the next request on; a change made in this request forgets the memo (`forgetStoreSettings`).
const perRequest = new WeakMap<RequestOrigin, WeakMap<object, Promise<StoreSettings>>>();

/** The store's settings; the row is created by the migrations, so it is always there. */
export function getStoreSettings(db: DbOrTx): Promise<StoreSettings> {
  const request = currentRequest();
  // Inside a transaction the row may have just been changed, or be about to be locked: always read.
  if (!request || db instanceof PgTransaction) return readStoreSettings(db);
  let memo = perRequest.get(request);
  if (!memo) {
    memo = new WeakMap();
    perRequest.set(request, memo);
  }
  let settings = memo.get(db);
  if (!settings) {
    settings = readStoreSettings(db);
    memo.set(db, settings);
    settings.catch(() => memo.delete(db));
  }
  return settings.then((row) => ({ ...row }));
}

/** Drops the current request's remembered settings, after this request changed them. */
export function forgetStoreSettings(): void {
  const request = currentRequest();
  if (request) perRequest.delete(request);
}

async function readStoreSettings(db: DbOrTx): Promise<StoreSettings> {
  const [row] = await db.select().from(storeSettings).where(eq(storeSettings.id, 1));
  // The first migration inserts the row and nothing deletes it: its absence means a damaged database.
  if (!row) throw new Error('store_settings row 1 is missing: restore the database from a backup');
  return row;
}
