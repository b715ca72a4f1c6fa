// Lists the store's own closure days, which the business calendar adds to weekends and holidays.
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { storeClosureDays } from '../../db/schema/store.js';

export interface ClosureDay {
  day: string;
  reason: string;
}

/** Every closure day, oldest first. */
export async function listClosureDays(db: DbOrTx): Promise<ClosureDay[]> {
  return db
    .select({ day: storeClosureDays.day, reason: storeClosureDays.reason })
    .from(storeClosureDays)
    .orderBy(asc(storeClosureDays.day));
}
