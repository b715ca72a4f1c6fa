// Replaces a signed-in member's backup codes with ten new ones after the password is entered again.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { assertMemberPassword } from './assert-member-password.js';
import { backupCodeKey } from './backup-code-cipher.js';
import { type BackupCode, issueBackupCodes } from './backup-codes.js';

export interface RegenerateBackupCodesInput {
  memberId: string;
  password: string;
  actor: Actor;
}

/** Every old code stops working; returns the new ones. */
export async function regenerateBackupCodes(
  ctx: AppContext,
  input: RegenerateBackupCodesInput,
): Promise<BackupCode[]> {
  await assertMemberPassword(ctx.db, input.memberId, input.password);
  const now = ctx.clock.now();
  const key = backupCodeKey(ctx.config.secret);
  return ctx.db.transaction(async (tx) => {
    const codes = await issueBackupCodes(tx, key, input.memberId, now);
    await recordAudit(tx, {
      actor: { ...input.actor, id: input.memberId },
      action: 'member.backup_codes_regenerated',
      targetType: 'member',
      targetId: input.memberId,
      at: now,
    });
    return codes;
  });
}
