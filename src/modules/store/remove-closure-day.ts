// Opens a closed day again, audited.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { storeClosureDays } from '../../db/schema/store.js';
import { parsePlainDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit/index.js';
import type { ChangeClosureDayInput } from './add-closure-day.js';

/** Removes a closure day; removing a day that is not closed is an error, so typos are noticed. */
export async function removeClosureDay(db: Db, input: Omit<ChangeClosureDayInput, 'reason'>): Promise<void> {
  const day = parsePlainDate(input.day).toString();
  await db.transaction(async (tx) => {
    const removed = await tx.delete(storeClosureDays).where(eq(storeClosureDays.day, day)).returning();
    if (removed.length === 0) {
      throw new AppError({
        code: 'closure_day_not_found',
        status: 404,
        message: { ja: `${day} は休業日に登録されていません。`, en: `${day} is not a closure day.` },
      });
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'store.closure_day.remove',
      targetType: 'store_closure_day',
      targetId: day,
      before: { day: removed[0]!.day, reason: removed[0]!.reason },
      at: input.now,
    });
  });
}
