// Marks a day as closed for the store, audited.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { storeClosureDays } from '../../db/schema/store.js';
import { toDate } from '../../domain/clock.js';
import { parsePlainDate } from '../../domain/dates.js';
import { type Actor, recordAudit } from '../audit/index.js';
import type { ClosureDay } from './list-closure-days.js';

export interface ChangeClosureDayInput {
  day: string;
  reason?: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Marks a day closed; adding a day that is already closed only updates its reason. */
export async function addClosureDay(db: Db, input: ChangeClosureDayInput): Promise<ClosureDay> {
  const day = parsePlainDate(input.day).toString();
  const reason = (input.reason ?? '').trim();
  return db.transaction(async (tx) => {
    await tx
      .insert(storeClosureDays)
      .values({ day, reason, createdAt: toDate(input.now) })
      .onConflictDoUpdate({ target: storeClosureDays.day, set: { reason } });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'store.closure_day.add',
      targetType: 'store_closure_day',
      targetId: day,
      after: { day, reason },
      at: input.now,
    });
    return { day, reason };
  });
}
