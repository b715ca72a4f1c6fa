// Contract rules as data: the life of a contract (status machine and labels), and its number format (the date and fee rules are in contract-rules.ts).
import { AppError } from './errors.js';
import { formatOrderNumber } from './orders.js';

/**
 * A contract's status. `trial`: a free trial in use (お試し中); `active`: in force (契約中);
 * `cancellation_scheduled`: a cancellation accepted, ending on its date (解約予定); `ended`: over, by
 * cancellation or at the end of a trial (終了); `suspended`: stopped by the store, e.g. for an unpaid
 * invoice (停止中); `expired`: a manual renewal not taken in time (期限切れ).
 */
export const contractStatuses = [
  'trial',
  'active',
  'cancellation_scheduled',
  'ended',
  'suspended',
  'expired',
] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/**
 * Where a status may go. A trial converts (active), is cancelled for its last day or ends; an active
 * contract is cancelled, suspended, ended or expires; a scheduled cancellation is withdrawn (active) or
 * ends on its date; a suspended contract resumes to what it was. `ended` and `expired` are final.
 */
export const contractTransitions: Readonly<Record<ContractStatus, readonly ContractStatus[]>> = {
  trial: ['active', 'cancellation_scheduled', 'ended', 'suspended'],
  active: ['cancellation_scheduled', 'suspended', 'ended', 'expired'],
  cancellation_scheduled: ['active', 'trial', 'ended', 'suspended'],
  suspended: ['trial', 'active', 'cancellation_scheduled', 'ended'],
  ended: [],
  expired: [],
};

export const contractStatusLabels: Readonly<Record<'ja' | 'en', Readonly<Record<ContractStatus, string>>>> = {
  ja: {
    trial: 'お試し中',
    active: '契約中',
    cancellation_scheduled: '解約予定',
    ended: '終了',
    suspended: '停止中',
    expired: '期限切れ',
  },
  en: {
    trial: 'Free trial',
    active: 'Active',
    cancellation_scheduled: 'Cancellation scheduled',
    ended: 'Ended',
    suspended: 'Suspended',
    expired: 'Expired',
  },
};

/** Statuses in which the member still has (or will have) the service: they block withdrawal. */
export const liveContractStatuses: readonly ContractStatus[] = [
  'trial',
  'active',
  'cancellation_scheduled',
  'suspended',
];

/** Throws `contract_transition_not_allowed` (409) for a step the machine does not have. */
export function assertContractTransition(from: ContractStatus, to: ContractStatus): void {
  if (contractTransitions[from].includes(to)) return;
  throw new AppError({
    code: 'contract_transition_not_allowed',
    status: 409,
    message: {
      ja: `契約の状態を「${contractStatusLabels.ja[from]}」から「${contractStatusLabels.ja[to]}」に変えることはできません。`,
      en: `A contract cannot go from "${contractStatusLabels.en[from]}" to "${contractStatusLabels.en[to]}".`,
    },
  });
}

/** How a contract renews: automatically with the same term, or by hand through a renewal quote. */
export const contractRenewalModes = ['auto', 'manual'] as const;
export type ContractRenewalMode = (typeof contractRenewalModes)[number];

export const renewalModeLabels: Readonly<Record<'ja' | 'en', Readonly<Record<ContractRenewalMode, string>>>> =
  {
    ja: { auto: '自動更新', manual: '手動更新' },
    en: { auto: 'Automatic renewal', manual: 'Manual renewal' },
  };

/** Payment methods that can be charged without the member (seed 002: card and wallet; seed 004: direct debit). */
const automaticPaymentMethods = ['card', 'wallet', 'direct_debit'];

/**
 * The renewal mode a new contract gets: automatic when the plan allows it and the payment method can be
 * charged without the member, otherwise manual when the plan allows that, else the plan's only mode.
 */
export function initialRenewalMode(
  planModes: readonly string[],
  paymentMethod: string | null,
): ContractRenewalMode {
  const canAuto = planModes.includes('auto');
  const canManual = planModes.includes('manual');
  if (canAuto && (paymentMethod === null || automaticPaymentMethods.includes(paymentMethod))) return 'auto';
  if (canManual) return 'manual';
  return 'auto';
}

/** The contract number format's default: `C2026-000001`. Same tokens as order numbers. */
export const DEFAULT_CONTRACT_NUMBER_FORMAT = 'C{YYYY}-{SEQ:6}';

/** The number for `sequence` in `year` under a format (the order number rules: `{YYYY}`/`{YY}` and `{SEQ:n}`). */
export function formatContractNumber(format: string, year: number, sequence: number): string {
  return formatOrderNumber(format, year, sequence);
}
