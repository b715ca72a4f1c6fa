// The licensing module's public face: licences opened from software contracts, validation answers signed with the store's Ed25519 keys, and the published keys.
export { DEFAULT_MACHINE_LIMIT, editionOfPlan, openLicence } from './open-licence.js';
export { registerLicensingSubscribers } from './register-licensing-subscribers.js';
export {
  LICENCE_SIGNING_PREFIX,
  type SignedLicenceAnswer,
  signLicenceAnswer,
} from './sign-licence-answer.js';
export {
  currentSigningKey,
  type LicenceSigningKey,
  listPublishedKeys,
  type PublishedLicenceKey,
} from './signing-keys.js';
export { syncLicence } from './sync-licence.js';
export {
  LICENCE_ANSWER_LIFETIME_DAYS,
  type LicenceAnswer,
  type ValidateLicenceInput,
  validateLicence,
} from './validate-licence.js';
