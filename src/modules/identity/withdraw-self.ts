// A member withdraws on My Page: allowed only in self-service mode, after the password is entered again.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { getStoreSettings } from '../store/index.js';
import { assertMemberPassword } from './assert-member-password.js';
import { identityErrors } from './identity-errors.js';
import { type WithdrawnMember, withdrawMember } from './withdraw-member.js';

export interface WithdrawSelfInput {
  memberId: string;
  password: string;
  actor: Actor;
}

/**
 * `withdrawal_by_request` (409) when the store takes withdrawals through the inquiry form,
 * `password_incorrect` (403) for a wrong password (audited), `withdrawal_blocked` (409) while anything blocks.
 */
export async function withdrawSelf(ctx: AppContext, input: WithdrawSelfInput): Promise<WithdrawnMember> {
  const now = ctx.clock.now();
  const actor = { ...input.actor, kind: 'member' as const, id: input.memberId };
  const settings = await getStoreSettings(ctx.db);
  if (settings.withdrawal !== 'self-service') throw identityErrors.withdrawalByRequest();
  try {
    await assertMemberPassword(ctx.db, input.memberId, input.password);
  } catch (error) {
    await recordAudit(ctx.db, {
      actor,
      action: 'member.withdrawal_refused',
      targetType: 'member',
      targetId: input.memberId,
      reason: 'wrong password',
      at: now,
    });
    throw error;
  }
  return withdrawMember(ctx.db, ctx.withdrawalBlockers, {
    memberId: input.memberId,
    reason: 'self',
    actor,
    now,
  });
}
