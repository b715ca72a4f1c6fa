// Job handler: the anonymisation sweep of withdrawn and rejected members (thin: the identity module does the work).
import type { AppContext } from '../../context.js';
import { anonymiseDueMembers } from '../../modules/identity/auth-index.js';

/** Runs the sweep with the context's clock, so tests that move the clock move what is due. */
export function anonymiseMembersHandler(ctx: AppContext) {
  return async (): Promise<void> => {
    const anonymised = await anonymiseDueMembers(ctx.db, { now: ctx.clock.now() });
    if (anonymised.length > 0) ctx.logger.info({ count: anonymised.length }, 'members anonymised');
  };
}
