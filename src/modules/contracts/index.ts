// The contracts module's public face: opening contracts from started order lines, reading, suspending and resuming them.

export { type ClaimedReminder, claimDueReminders } from './claim-due-reminders.js';
export { contractErrors } from './contract-errors.js';
export type { ContractEventRow, ContractRow } from './contract-record.js';
export type { ContractDetail, ContractHistoryEntry, ContractSummary } from './contract-view.js';
export {
  contractsInForceBlocker,
  contractTrialsInUseBlocker,
  registerContractWithdrawalBlockers,
} from './contract-withdrawal-blockers.js';
export { endTrial, findDueTrials, type TrialOutcome } from './end-trial.js';
export { getContract } from './get-contract.js';
export { listMemberContracts } from './list-member-contracts.js';
export { openContract } from './open-contract.js';
export { type CancellationQuote, quoteCancellation } from './quote-cancellation.js';
export { registerContractSubscribers } from './register-contract-subscribers.js';
export { type ResumeContractInput, resumeContract } from './resume-contract.js';
export { type ContractListItem, type SearchContractsInput, searchContracts } from './search-contracts.js';
export { type SuspendContractInput, suspendContract } from './suspend-contract.js';
