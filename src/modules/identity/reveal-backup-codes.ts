// Shows a signed-in member their backup codes after the password is entered again, issuing them the first time.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { assertMemberPassword } from './assert-member-password.js';
import { backupCodeKey } from './backup-code-cipher.js';
import { type BackupCode, issueBackupCodes, readBackupCodes } from './backup-codes.js';

export interface RevealBackupCodesInput {
  memberId: string;
  password: string;
  actor: Actor;
}

/** The member's ten codes with used flags; a wrong password is `password_incorrect`. */
export async function revealBackupCodes(
  ctx: AppContext,
  input: RevealBackupCodesInput,
): Promise<BackupCode[]> {
  const now = ctx.clock.now();
  const actor = { ...input.actor, id: input.memberId };
  try {
    await assertMemberPassword(ctx.db, input.memberId, input.password);
  } catch (error) {
    await recordAudit(ctx.db, {
      actor,
      action: 'member.backup_codes_reveal_refused',
      targetType: 'member',
      targetId: input.memberId,
      reason: 'wrong password',
      at: now,
    });
    throw error;
  }
  const key = backupCodeKey(ctx.config.secret);
  return ctx.db.transaction(async (tx) => {
    const existing = await readBackupCodes(tx, key, input.memberId);
    const issued = existing.length === 0;
    const codes = issued ? await issueBackupCodes(tx, key, input.memberId, now) : existing;
    await recordAudit(tx, {
      actor,
      action: issued ? 'member.backup_codes_issued' : 'member.backup_codes_revealed',
      targetType: 'member',
      targetId: input.memberId,
      at: now,
    });
    return codes;
  });
}
