// The node's withdrawal-blocker registry with every module's blockers registered: one place to wire them.
import type { Clock } from './domain/clock.js';
import { registerBillingWithdrawalBlockers } from './modules/billing/index.js';
import { registerContractWithdrawalBlockers } from './modules/contracts/index.js';
import { createWithdrawalBlockerRegistry, type WithdrawalBlockerRegistry } from './modules/identity/index.js';
import { registerOrderingWithdrawalBlockers } from './modules/ordering/index.js';

/** A new registry: orders not yet started, trials applied for, contracts not ended, trials in use and an open balance. */
export function createAppWithdrawalBlockers(clock: Clock): WithdrawalBlockerRegistry {
  const registry = createWithdrawalBlockerRegistry();
  registerOrderingWithdrawalBlockers(registry, clock);
  registerContractWithdrawalBlockers(registry);
  registerBillingWithdrawalBlockers(registry);
  return registry;
}
