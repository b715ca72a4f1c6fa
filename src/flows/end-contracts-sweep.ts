// The contract ending sweep as a flow: cancelled contracts end the day after their last day.
import type { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { endDueContracts } from '../modules/contracts/index.js';

/** Ends every contract due by `now`; returns how many. */
export async function endContractsSweep(ctx: AppContext, now: Temporal.Instant): Promise<number> {
  const ended = await endDueContracts(ctx.db, { now });
  if (ended > 0) ctx.logger.info({ count: ended }, 'contracts ended');
  return ended;
}
