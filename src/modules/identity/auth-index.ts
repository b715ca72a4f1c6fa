// The identity module's sign-up, sign-in and recovery services: registration, sessions, lockout, resets, backup codes.

export { type AnonymiseDueMembersInput, anonymiseDueMembers } from './anonymise-due-members.js';
export { type ApproveRegistrationInput, approveRegistration } from './approve-registration.js';
export { type AssertLoginIdNotLockedInput, assertLoginIdNotLocked } from './assert-login-id-not-locked.js';
export { type MemberAuth, memberAuth, SIGN_IN_CODE_ATTEMPTS, SIGN_IN_CODE_MINUTES } from './auth.js';
export { authErrorCode, cookieHeaderFrom } from './auth-failure.js';
export { BACKUP_CODE_COUNT, type BackupCode } from './backup-codes.js';
export { betterAuthIdFor, betterAuthLogger } from './better-auth-shared.js';
export { type ChangePasswordInput, changePassword } from './change-password.js';
export { type CompletePasswordResetInput, completePasswordReset } from './complete-password-reset.js';
export { type ConfirmEmailInput, type ConfirmedEmail, confirmEmail } from './confirm-email.js';
export { type ConfirmEmailChangeInput, confirmEmailChange } from './confirm-email-change.js';
export { CONFIRMATION_VALID_HOURS } from './confirmation-token.js';
export { countLockedLoginIds, countRegistrationsToReview } from './count-account-work.js';
export {
  type CurrentMemberSession,
  requireMemberId,
  requireMemberSession,
} from './current-member.js';
export { type CurrentTerms, getCurrentTerms, type TermsDocument } from './get-current-terms.js';
export { getMemberProfile, type MemberProfile } from './get-member-profile.js';
export {
  type GetMemberRecordInput,
  getMemberRecord,
  MEMBER_RECORD_SIGN_INS,
  type MemberConsentRecord,
  type MemberLockState,
  type MemberOpenSession,
  type MemberRecord,
  type MemberSignInAttempt,
} from './get-member-record.js';
export { getWithdrawalStatus, type WithdrawalStatus } from './get-withdrawal-status.js';
export { identityErrors } from './identity-errors.js';
export {
  listMemberSessions,
  type MemberActiveSession,
} from './list-member-sessions.js';
export {
  listMemberSignIns,
  type MemberSignIn,
  memberSignInHistory,
  RECENT_SIGN_INS,
} from './list-member-sign-ins.js';
export {
  type ListRegistrationsInput,
  listRegistrations,
  type RegistrationPage,
  type RegistrationSummary,
} from './list-registrations.js';
export type { LockoutTable } from './lockout-counters.js';
export { type LockoutPolicy, loadLockoutPolicy } from './lockout-policy.js';
export type { LockedPerson, LoginLockoutSubject } from './login-lockout-subject.js';
export { LOGIN_ID_MAX, LOGIN_ID_MIN, LOGIN_ID_PATTERN, passwordIssues } from './member-fields.js';
export { hashPassword, verifyPassword } from './password-hashing.js';
export { PASSWORD_RESET_VALID_MINUTES } from './password-reset-secrets.js';
export { pendingSignInMember } from './pending-sign-in.js';
export { type RecordLoginFailureInput, recordLoginFailure } from './record-login-failure.js';
export { type RecordSignInInput, recordSignIn } from './record-sign-in.js';
export { type RegenerateBackupCodesInput, regenerateBackupCodes } from './regenerate-backup-codes.js';
export { type RegisteredMember, type RegisterMemberInput, registerMember } from './register-member.js';
export { type RejectRegistrationInput, rejectRegistration } from './reject-registration.js';
export {
  EMAIL_CHANGE_VALID_HOURS,
  type RequestEmailChangeInput,
  requestEmailChange,
} from './request-email-change.js';
export { type RequestPasswordResetInput, requestPasswordReset } from './request-password-reset.js';
export { type ResendConfirmationInput, resendConfirmation } from './resend-confirmation.js';
export { CODE_RESEND_SECONDS, type ResendSignInCodeInput, resendSignInCode } from './resend-sign-in-code.js';
export { resetLoginFailures } from './reset-login-failures.js';
export { type ResetMemberSecondFactorInput, resetMemberSecondFactor } from './reset-member-second-factor.js';
export { type RevealBackupCodesInput, revealBackupCodes } from './reveal-backup-codes.js';
export { type RevokeMemberSessionInput, revokeMemberSession } from './revoke-member-session.js';
export {
  type MemberPage,
  type MemberSummary,
  type SearchMembersInput,
  searchMembers,
} from './search-members.js';
export { type SendLoginIdReminderInput, sendLoginIdReminder } from './send-login-id-reminder.js';
export { loadSessionPolicy, type SessionPolicy } from './session-policy.js';
export { type SignInInput, signIn } from './sign-in.js';
export { type SignOutInput, signOut } from './sign-out.js';
export { type SignOutEverywhereInput, signOutEverywhere } from './sign-out-everywhere.js';
export { type UnlockLoginIdInput, unlockLoginId } from './unlock-login-id.js';
export {
  type UnlockLoginIdAfterIdentityCheckInput,
  unlockLoginIdAfterIdentityCheck,
} from './unlock-login-id-after-identity-check.js';
export { type UpdateMemberProfileInput, updateMemberProfile } from './update-member-profile.js';
export { type VerifySignInBackupCodeInput, verifySignInBackupCode } from './verify-sign-in-backup-code.js';
export { type VerifySignInCodeInput, verifySignInCode } from './verify-sign-in-code.js';
export { type WithdrawMemberInput, type WithdrawnMember, withdrawMember } from './withdraw-member.js';
export { type WithdrawSelfInput, withdrawSelf } from './withdraw-self.js';
