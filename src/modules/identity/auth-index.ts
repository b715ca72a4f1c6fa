// The identity module's sign-up and sign-in services: registration, confirmation, sessions, the member profile.
export { type MemberAuth, memberAuth, SIGN_IN_CODE_ATTEMPTS, SIGN_IN_CODE_MINUTES } from './auth.js';
export { authErrorCode, cookieHeaderFrom } from './auth-failure.js';
export { type ConfirmEmailInput, confirmEmail } from './confirm-email.js';
export { CONFIRMATION_VALID_HOURS } from './confirmation-token.js';
export { requireMemberId } from './current-member.js';
export { getMemberProfile, type MemberProfile } from './get-member-profile.js';
export {
  type GetMemberRecordInput,
  getMemberRecord,
  MEMBER_RECORD_SIGN_INS,
  type MemberOpenSession,
  type MemberRecord,
  type MemberSignInAttempt,
} from './get-member-record.js';
export { identityErrors } from './identity-errors.js';
export { LOGIN_ID_MAX, LOGIN_ID_MIN, LOGIN_ID_PATTERN, passwordIssues } from './member-fields.js';
export { hashPassword, verifyPassword } from './password-hashing.js';
export { type RegisteredMember, type RegisterMemberInput, registerMember } from './register-member.js';
export { type ResendConfirmationInput, resendConfirmation } from './resend-confirmation.js';
export {
  type MemberPage,
  type MemberSummary,
  type SearchMembersInput,
  searchMembers,
} from './search-members.js';
export { type SignInInput, signIn } from './sign-in.js';
export { type SignOutInput, signOut } from './sign-out.js';
export { type VerifySignInCodeInput, verifySignInCode } from './verify-sign-in-code.js';
