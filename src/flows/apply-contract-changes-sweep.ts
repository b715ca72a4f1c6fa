// The contract change sweep as a flow: scheduled changes take effect on their date.
import type { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { applyDueChanges } from '../modules/contracts/index.js';

/** Applies every change due by `now`; returns how many. */
export async function applyContractChangesSweep(ctx: AppContext, now: Temporal.Instant): Promise<number> {
  const applied = await applyDueChanges(ctx.db, { now });
  if (applied > 0) ctx.logger.info({ count: applied }, 'contract changes applied');
  return applied;
}
