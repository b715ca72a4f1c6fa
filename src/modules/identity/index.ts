// The identity module's public face: login IDs, the password policy, registration fields, postal codes, withdrawal blockers.

export { type MemberStatus, memberStatuses } from '../../db/schema/identity.js';
export { findMemberContacts, type MemberContact } from './find-member-contacts.js';
export { katakanaReadingPattern, normalizeKana, normalizeNumberInput } from './japanese-input.js';
export { lockMemberForOrder } from './lock-member-for-order.js';
export {
  canonicalLoginId,
  LOGIN_ID_MAX_LENGTH,
  LOGIN_ID_MIN_LENGTH,
  loginIdPattern,
  loginIdSchema,
  normalizeLoginId,
  type ParsedLoginId,
  parseLoginId,
} from './login-id.js';
export { memberMatching } from './member-matching.js';
export {
  assertPasswordMeetsPolicy,
  type CheckPasswordOptions,
  checkPassword,
  commonPasswords,
  DEFAULT_PASSWORD_POLICY_PRESET,
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_SYMBOLS,
  type PasswordCheck,
  type PasswordPolicyPreset,
  type PasswordRuleCode,
  type PasswordRuleResult,
  passwordPolicyIssues,
  passwordPolicyPresets,
} from './password-policy.js';
export {
  lookupPostalCode,
  lookupPostalCodeCandidates,
  normalizePostalCode,
  type PostalCodeAddress,
  prefectures,
} from './postal-code-lookup.js';
export {
  type MemberKind,
  memberKinds,
  memberTextLimits,
  mobilePhoneNumberSchema,
  nameKanaSchema,
  normalizeJapaneseMobileNumber,
  normalizePhoneNumber,
  type ParseRegistrationOptions,
  parseRegistration,
  phoneNumberSchema,
  postalCodeSchema,
  type RegistrationFields,
  type RegistrationInput,
  registrationSchema,
  type SecondFactorChannel,
  secondFactorChannels,
} from './registration-fields.js';
export { userAgentLabel } from './user-agent-label.js';
export {
  createWithdrawalBlockerRegistry,
  type FoundWithdrawalBlocker,
  type WithdrawalBlocker,
  type WithdrawalBlockerRegistry,
  type WithdrawalBlockerResult,
  withdrawalBlockedError,
} from './withdrawal-blockers.js';
