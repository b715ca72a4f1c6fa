// The contracts module's public face: opening contracts from started order lines, reading, suspending and resuming them, cancelling and ending them, trials and renewals, and billing's read model.

export { applyDueChanges } from './apply-due-changes.js';
export {
  type ApplyForCancellationInput,
  applyForCancellation,
} from './apply-for-cancellation.js';
export { type ApplyForChangeInput, applyForChange } from './apply-for-change.js';
export { applyPaidRenewals } from './apply-paid-renewals.js';
export { type ChangeNextTermInput, changeNextTerm, nextTermDeadlineOf } from './change-next-term.js';
export { changePaymentMethod } from './change-payment-method.js';
export type { ChangeRecord } from './change-record.js';
export { type ClaimedReminder, claimDueReminders } from './claim-due-reminders.js';
export {
  type ConfirmCancellationRequestInput,
  confirmCancellationRequest,
} from './confirm-cancellation-request.js';
export { cancellationErrors, changeErrors, contractErrors } from './contract-errors.js';
export type { ContractEventRow, ContractRow } from './contract-record.js';
export type { ContractRequestView } from './contract-request-view.js';
export type { ContractDetail, ContractHistoryEntry, ContractSummary } from './contract-view.js';
export {
  contractsInForceBlocker,
  contractTrialsInUseBlocker,
  registerContractWithdrawalBlockers,
} from './contract-withdrawal-blockers.js';
export { endDueContracts } from './end-due-contracts.js';
export { endTrial, findDueTrials, type TrialOutcome, trialConverts } from './end-trial.js';
export { expireUnpaidRenewal, findUnpaidRenewals } from './expire-unpaid-renewals.js';
export { getContract } from './get-contract.js';
export { getContractRow } from './get-contract-row.js';
export { getOpenCancellation } from './get-open-cancellation.js';
export { getOpenChange } from './get-open-change.js';
export { getRenewalStanding, type RenewalStanding } from './get-renewal-standing.js';
export {
  type BillableContract,
  type ListBillableContractsInput,
  listBillableContracts,
} from './list-billable-contracts.js';
export { type ContractRenewalView, listContractRenewals } from './list-contract-renewals.js';
export { type ContractRequestQueueItem, listContractRequests } from './list-contract-requests.js';
export { listMemberContracts } from './list-member-contracts.js';
export { openContract } from './open-contract.js';
export { type PricedTerm, priceTerms, type TermChoice } from './price-contract-term.js';
export { type CancellationQuote, quoteCancellation } from './quote-cancellation.js';
export { type ChangeQuote, type ChangeWish, quoteChange } from './quote-change.js';
export {
  assertRenewalQuotable,
  priceRenewal,
  type RenewalChoice,
  type RenewalQuote,
  type RenewalQuoteOption,
  renewalDates,
} from './quote-renewal.js';
export { type RecordedRenewalPayment, recordRenewalPayment } from './record-renewal-payment.js';
export { registerContractSubscribers } from './register-contract-subscribers.js';
export { type RenewDueResult, renewDueContracts } from './renew-due-contracts.js';
export { renewalErrors } from './renewal-errors.js';
export { renewalOfTermSql } from './renewal-of-term-sql.js';
export { type RequestedRenewal, requestRenewal } from './request-renewal.js';
export { resetRenewalPayment } from './reset-renewal-payment.js';
export { type ResumeContractInput, resumeContract } from './resume-contract.js';
export { type ContractListItem, type SearchContractsInput, searchContracts } from './search-contracts.js';
export { type SuspendContractInput, suspendContract } from './suspend-contract.js';
export { type WithdrawCancellationInput, withdrawCancellation } from './withdraw-cancellation.js';
export { withdrawChange } from './withdraw-change.js';
export { type RenewalWrite, writeRenewals } from './write-renewals.js';
