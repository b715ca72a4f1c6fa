// The anonymisation sweep as a flow: withdrawn and rejected members past their retention period lose their personal data.
import type { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { anonymiseDueMembers } from '../modules/identity/auth-index.js';

/** Anonymises every member due by `now`; returns how many. */
export async function anonymiseMembersSweep(ctx: AppContext, now: Temporal.Instant): Promise<number> {
  const anonymised = await anonymiseDueMembers(ctx.db, { now });
  if (anonymised.length > 0) ctx.logger.info({ count: anonymised.length }, 'members anonymised');
  return anonymised.length;
}
