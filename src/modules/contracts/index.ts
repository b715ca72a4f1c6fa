// The contracts module's public face: opening contracts from started order lines, reading, suspending and resuming them, cancelling and ending them, and billing's read model.
export {
  type ApplyForCancellationInput,
  applyForCancellation,
} from './apply-for-cancellation.js';
export {
  type ConfirmCancellationRequestInput,
  confirmCancellationRequest,
} from './confirm-cancellation-request.js';
export { cancellationErrors, contractErrors } from './contract-errors.js';
export type { ContractEventRow, ContractRow } from './contract-record.js';
export type { ContractRequestView } from './contract-request-view.js';
export type { ContractDetail, ContractHistoryEntry, ContractSummary } from './contract-view.js';
export {
  contractsInForceBlocker,
  contractTrialsInUseBlocker,
  registerContractWithdrawalBlockers,
} from './contract-withdrawal-blockers.js';
export { endDueContracts } from './end-due-contracts.js';
export { getContract } from './get-contract.js';
export { getOpenCancellation } from './get-open-cancellation.js';
export {
  type BillableContract,
  type ListBillableContractsInput,
  listBillableContracts,
} from './list-billable-contracts.js';
export { type ContractRequestQueueItem, listContractRequests } from './list-contract-requests.js';
export { listMemberContracts } from './list-member-contracts.js';
export { openContract } from './open-contract.js';
export { type CancellationQuote, quoteCancellation } from './quote-cancellation.js';
export { registerContractSubscribers } from './register-contract-subscribers.js';
export { type ResumeContractInput, resumeContract } from './resume-contract.js';
export { type ContractListItem, type SearchContractsInput, searchContracts } from './search-contracts.js';
export { type SuspendContractInput, suspendContract } from './suspend-contract.js';
export { type WithdrawCancellationInput, withdrawCancellation } from './withdraw-cancellation.js';
