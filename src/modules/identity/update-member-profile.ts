// Changes a member's own profile from My Page; changes to how sign-in codes reach the member need the current password.
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authAccount, authUser, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { type FieldIssue, kernelErrors } from '../../domain/errors.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { getMemberProfile, type MemberProfile } from './get-member-profile.js';
import { identityErrors } from './identity-errors.js';
import { verifyPassword } from './password-hashing.js';
import { profilePatchSchema } from './profile-fields.js';

export interface UpdateMemberProfileInput {
  memberId: string;
  /** The patch as sent; only the keys present change. */
  patch: unknown;
  actor: Actor;
  now: Temporal.Instant;
}

type Editable = Omit<
  MemberProfile,
  'id' | 'loginId' | 'email' | 'locale' | 'status' | 'termsVersion' | 'confirmedAt' | 'createdAt'
>;
type EditableKey = keyof Editable;

const editableKeys: readonly EditableKey[] = [
  'memberKind',
  'name',
  'nameKana',
  'companyName',
  'department',
  'postalCode',
  'prefecture',
  'city',
  'street',
  'building',
  'phone',
  'secondFactorChannel',
  'mobilePhone',
  'marketingOptIn',
];

/** The keys whose change moves where sign-in codes (or the calls confirming a member) go. */
const guardedKeys: readonly EditableKey[] = ['phone', 'secondFactorChannel', 'mobilePhone'];

function crossFieldIssues(next: Editable): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (next.memberKind === 'corporate' && !next.companyName) {
    issues.push({
      path: 'companyName',
      code: 'required',
      message: { ja: '法人の方は会社名を入力してください。', en: 'Enter the company name.' },
    });
  }
  if (next.secondFactorChannel === 'sms' && !next.mobilePhone) {
    issues.push({
      path: 'mobilePhone',
      code: 'required',
      message: {
        ja: 'SMSで認証する場合は携帯電話番号を入力してください。',
        en: 'Enter a mobile number to receive codes by SMS.',
      },
    });
  }
  return issues;
}

async function checkCurrentPassword(db: Db, memberId: string, password: string | undefined): Promise<void> {
  if (password === undefined || password === '') {
    throw kernelErrors.validation([
      {
        path: 'currentPassword',
        code: 'required',
        message: {
          ja: '確認コードの送り先や電話番号を変更するには、現在のパスワードを入力してください。',
          en: 'Enter your current password to change where sign-in codes go or your phone numbers.',
        },
      },
    ]);
  }
  const [account] = await db
    .select({ hash: authAccount.password })
    .from(authAccount)
    .where(and(eq(authAccount.userId, memberId), eq(authAccount.providerId, 'credential')));
  if (!account?.hash || !(await verifyPassword({ hash: account.hash, password })))
    throw identityErrors.currentPasswordIncorrect();
}

/**
 * Applies the patch and returns the new profile. Nothing changes when a field fails, and the audit entry
 * holds the changed fields before and after (never the password). A patch that changes nothing is not audited.
 */
export async function updateMemberProfile(db: Db, input: UpdateMemberProfileInput): Promise<MemberProfile> {
  const parsed = profilePatchSchema.safeParse(input.patch);
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const present = new Set(Object.keys(input.patch as object));
  const current = await getMemberProfile(db, input.memberId);
  const next: Editable = { ...current };
  const before: Partial<Editable> = {};
  const after: Partial<Editable> = {};
  for (const key of editableKeys) {
    if (!present.has(key)) continue;
    const value = parsed.data[key];
    if (value === undefined || value === current[key]) continue;
    (next as Record<EditableKey, unknown>)[key] = value;
    (before as Record<EditableKey, unknown>)[key] = current[key];
    (after as Record<EditableKey, unknown>)[key] = value;
  }
  const issues = crossFieldIssues(next);
  if (issues.length > 0) throw kernelErrors.validation(issues);
  const changed = Object.keys(after) as EditableKey[];
  if (changed.length === 0) return current;
  if (changed.some((key) => guardedKeys.includes(key)))
    await checkCurrentPassword(db, input.memberId, parsed.data.currentPassword);

  const at = toDate(input.now);
  await db.transaction(async (tx) => {
    await tx
      .update(members)
      .set({ ...after, updatedAt: at })
      .where(eq(members.id, input.memberId));
    if (after.name !== undefined)
      await tx
        .update(authUser)
        .set({ name: after.name, updatedAt: at })
        .where(eq(authUser.id, input.memberId));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'member.profile_updated',
      targetType: 'member',
      targetId: input.memberId,
      before,
      after,
      at: input.now,
    });
  });
  return { ...current, ...next };
}
