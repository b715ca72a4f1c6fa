// The operators module's public face: staff accounts apart from members, their roles and their sign-in.

export { type OperatorStatus, operatorStatuses } from '../../db/schema/operators.js';
export type { ActingOperator } from './acting-operator.js';
export {
  OPERATOR_CODE_ATTEMPTS,
  OPERATOR_CODE_MINUTES,
  OPERATOR_COOKIE_PATH,
  OPERATOR_COOKIE_PREFIX,
  OPERATOR_TOTP_ISSUER,
  type OperatorAuth,
  operatorAuth,
} from './auth.js';
export { type ChangeOperatorRolesInput, changeOperatorRoles } from './change-operator-roles.js';
export { type ConfirmTotpEnrolmentInput, confirmTotpEnrolment } from './confirm-totp-enrolment.js';
export { countLockedOperators } from './count-locked-operators.js';
export { countOperators } from './count-operators.js';
export { type CreatedOperator, type CreateOperatorInput, createOperator } from './create-operator.js';
export { type DisableOperatorInput, disableOperator } from './disable-operator.js';
export { type EnableOperatorInput, enableOperator } from './enable-operator.js';
export { type CurrentOperator, getCurrentOperator } from './get-current-operator.js';
export { isActiveOperator } from './is-active-operator.js';
export { listOperatorDirectory, type OperatorDirectoryEntry } from './list-operator-directory.js';
export { listOperators, type OperatorSummary } from './list-operators.js';
export { operatorErrors } from './operator-errors.js';
export { generateOperatorPassword } from './operator-fields.js';
export {
  mayPerform,
  type OperatorAction,
  type OperatorRole,
  operatorPermissions,
  operatorRoleNames,
  rolesFor,
} from './operator-permissions.js';
export { type ResetOperatorTotpInput, resetOperatorTotp } from './reset-operator-totp.js';
export { type SecondFactor, type SignInOperatorInput, signInOperator } from './sign-in-operator.js';
export { type SignOutOperatorInput, signOutOperator } from './sign-out-operator.js';
export { type StartTotpEnrolmentInput, startTotpEnrolment } from './start-totp-enrolment.js';
export { type UnlockOperatorInput, unlockOperator } from './unlock-operator.js';
export { type VerifyOperatorCodeInput, verifyOperatorCode } from './verify-operator-code.js';
