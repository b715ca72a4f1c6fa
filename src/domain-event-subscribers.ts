// The node's in-process domain-event subscribers: one place to wire every module that reacts to another's events.
import { registerBillingSubscribers } from './modules/billing/index.js';
import { registerContractSubscribers } from './modules/contracts/index.js';
import { registerLicensingSubscribers } from './modules/licensing/index.js';

/**
 * Registers every module's subscribers (contracts open on `order.line.started`, licences on `contract.started`,
 * billing's early-termination fee on `contract.ended`); safe to call again.
 */
export function registerAppDomainEventSubscribers(): void {
  registerContractSubscribers();
  registerLicensingSubscribers();
  registerBillingSubscribers();
}
