// The validation log's retention as a sweep: answers older than the retention period are deleted.
import type { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { pruneLicenceValidations } from '../modules/licensing/index.js';

/** Deletes the validations past retention by `now`; returns how many. */
export async function pruneLicenceValidationsSweep(ctx: AppContext, now: Temporal.Instant): Promise<number> {
  const removed = await pruneLicenceValidations(ctx.db, { now });
  if (removed > 0) ctx.logger.info({ count: removed }, 'licence validations pruned');
  return removed;
}
