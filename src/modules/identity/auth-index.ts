// The identity module's sign-up and sign-in services: registration, confirmation, sessions, the member profile.
export { type MemberAuth, memberAuth, SIGN_IN_CODE_ATTEMPTS, SIGN_IN_CODE_MINUTES } from './auth.js';
export { authErrorCode, cookieHeaderFrom } from './auth-failure.js';
export { type ConfirmEmailInput, confirmEmail } from './confirm-email.js';
export { type ConfirmEmailChangeInput, confirmEmailChange } from './confirm-email-change.js';
export { CONFIRMATION_VALID_HOURS } from './confirmation-token.js';
export { requireMemberId } from './current-member.js';
export { type CurrentTerms, getCurrentTerms, type TermsDocument } from './get-current-terms.js';
export { getMemberProfile, type MemberProfile } from './get-member-profile.js';
export { identityErrors } from './identity-errors.js';
export { LOGIN_ID_MAX, LOGIN_ID_MIN, LOGIN_ID_PATTERN, passwordIssues } from './member-fields.js';
export { hashPassword, verifyPassword } from './password-hashing.js';
export { type RegisteredMember, type RegisterMemberInput, registerMember } from './register-member.js';
export {
  EMAIL_CHANGE_VALID_HOURS,
  type RequestEmailChangeInput,
  requestEmailChange,
} from './request-email-change.js';
export { type ResendConfirmationInput, resendConfirmation } from './resend-confirmation.js';
export { type SignInInput, signIn } from './sign-in.js';
export { type SignOutInput, signOut } from './sign-out.js';
export { type UpdateMemberProfileInput, updateMemberProfile } from './update-member-profile.js';
export { type VerifySignInCodeInput, verifySignInCode } from './verify-sign-in-code.js';
