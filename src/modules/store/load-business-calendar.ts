// The business calendar with this store's closure days, for flows that compute due dates.

import type { DbOrTx } from '../../db/client.js';
import { BusinessCalendar } from '../../domain/calendar.js';
import { listClosureDays } from './list-closure-days.js';

/** A calendar of bank business days that also skips the store's own closure days. */
export async function loadBusinessCalendar(db: DbOrTx): Promise<BusinessCalendar> {
  const closureDays = await listClosureDays(db);
  return new BusinessCalendar({ closureDays: closureDays.map((row) => row.day) });
}
