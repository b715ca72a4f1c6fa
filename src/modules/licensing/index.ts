// The licensing module's public face: licences opened from software contracts, validation answers signed with the store's Ed25519 keys, and the published keys.
export { activateMachineByKey, type MachineActivationResult } from './activate-machine-by-key.js';
export { type AttachLicenceInput, attachLicence } from './attach-licence.js';
export { checkLicencePairFree } from './check-licence-pair.js';
export { countOpenAttachConflicts } from './count-open-attach-conflicts.js';
export { freeLicenceMachineByOperator, freeMachineByKey, freeMemberMachine } from './free-machine.js';
export { getLicenceDetail, type LicenceDetail } from './get-licence-detail.js';
export { type ImportLicencesInput, importLicences, LICENCE_IMPORT_MAX_LINES } from './import-licences.js';
export { licenceErrors } from './licence-errors.js';
export { type LicenceValidationEntry, listLicenceValidations } from './list-licence-validations.js';
export {
  getMemberLicence,
  type LicenceMachine,
  listMemberLicences,
  type MemberLicence,
} from './list-member-licences.js';
export { DEFAULT_MACHINE_LIMIT, editionOfPlan, openLicence } from './open-licence.js';
export {
  LICENCE_VALIDATION_RETENTION_DAYS,
  pruneLicenceValidations,
} from './prune-licence-validations.js';
export { machineFingerprintHash } from './record-validation.js';
export { registerLicensingSubscribers } from './register-licensing-subscribers.js';
export { reissueInstallKey } from './reissue-install-key.js';
export {
  type LicenceHolder,
  type LicenceListItem,
  type SearchLicencesInput,
  searchLicences,
} from './search-licences.js';
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
  rotateSigningKey,
} from './signing-keys.js';
export { syncLicences } from './sync-licence.js';
export {
  LICENCE_ANSWER_LIFETIME_DAYS,
  type LicenceAnswer,
  type ValidateLicenceInput,
  validateLicence,
} from './validate-licence.js';
