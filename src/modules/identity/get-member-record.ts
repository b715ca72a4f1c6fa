// One member as an operator sees it: profile, consent, recent sign-in attempts and open sessions.
import { and, desc, eq, gt, like, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema/audit.js';
import {
  authSession,
  loginLockouts,
  memberBackupCodes,
  memberConsents,
  members,
} from '../../db/schema/identity.js';
import { identityErrors } from './identity-errors.js';
import { normalizeLoginId } from './login-id.js';

/** How many sign-in attempts the record shows; older ones stay in the audit log. */
export const MEMBER_RECORD_SIGN_INS = 20;

export interface MemberSignInAttempt {
  at: Date;
  /** The audit action without its `member.` prefix, e.g. `signed_in`, `sign_in_failed`. */
  outcome: string;
  reason: string | null;
}

export interface MemberOpenSession {
  createdAt: Date;
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface MemberConsentRecord {
  kind: 'terms' | 'privacy';
  version: string;
  agreedAt: Date;
}

/** The lock of the member's login ID as it stands now; null when not locked (an expired automatic lock is lifted). */
export interface MemberLockState {
  failedCount: number;
  lockedAt: Date;
  /** Null while only an operator can unlock it. */
  lockedUntil: Date | null;
}

export type MemberRecord = typeof members.$inferSelect & {
  signIns: MemberSignInAttempt[];
  sessions: MemberOpenSession[];
  /** Every consent given, newest first: which terms and privacy-policy versions, and when. */
  consents: MemberConsentRecord[];
  lock: MemberLockState | null;
  /** Failed steps counted towards a lock so far (0 when none). */
  failedSignIns: number;
  /** Backup codes issued and not yet used. */
  unusedBackupCodes: number;
};

export interface GetMemberRecordInput {
  memberId: string;
  now: Date;
}

/** The member's record, or `member_not_found`; sign-in attempts newest first, from the audit log. */
export async function getMemberRecord(db: DbOrTx, input: GetMemberRecordInput): Promise<MemberRecord> {
  const [member] = await db.select().from(members).where(eq(members.id, input.memberId));
  if (!member) throw identityErrors.memberNotFound();
  // Every sign-in step audits as `member.signed_in` or `member.sign_in_<what went wrong>`.
  const attempts = await db
    .select({ at: auditLog.at, action: auditLog.action, reason: auditLog.reason })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, 'member'),
        eq(auditLog.targetId, member.id),
        or(eq(auditLog.action, 'member.signed_in'), like(auditLog.action, 'member.sign\\_in\\_%')),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(MEMBER_RECORD_SIGN_INS);
  const sessions = await db
    .select({
      createdAt: authSession.createdAt,
      expiresAt: authSession.expiresAt,
      ipAddress: authSession.ipAddress,
      userAgent: authSession.userAgent,
    })
    .from(authSession)
    .where(and(eq(authSession.userId, member.id), gt(authSession.expiresAt, input.now)))
    .orderBy(desc(authSession.createdAt));
  const consents = await db
    .select({ kind: memberConsents.kind, version: memberConsents.version, agreedAt: memberConsents.agreedAt })
    .from(memberConsents)
    .where(eq(memberConsents.memberId, member.id))
    .orderBy(desc(memberConsents.agreedAt), desc(memberConsents.id));
  const [lockRow] = await db
    .select()
    .from(loginLockouts)
    .where(eq(loginLockouts.loginIdKey, normalizeLoginId(member.loginId)));
  const locked =
    lockRow?.lockedAt != null &&
    (lockRow.lockedUntil === null || lockRow.lockedUntil.getTime() > input.now.getTime());
  const codes = await db
    .select({ usedAt: memberBackupCodes.usedAt })
    .from(memberBackupCodes)
    .where(eq(memberBackupCodes.memberId, member.id));
  return {
    ...member,
    consents,
    lock:
      locked && lockRow?.lockedAt
        ? { failedCount: lockRow.failedCount, lockedAt: lockRow.lockedAt, lockedUntil: lockRow.lockedUntil }
        : null,
    failedSignIns: locked
      ? (lockRow?.failedCount ?? 0)
      : lockRow && !lockRow.lockedAt
        ? lockRow.failedCount
        : 0,
    unusedBackupCodes: codes.filter((c) => c.usedAt === null).length,
    signIns: attempts.map((a) => ({
      at: a.at,
      outcome: a.action.replace(/^member\./, ''),
      reason: a.reason,
    })),
    sessions,
  };
}
