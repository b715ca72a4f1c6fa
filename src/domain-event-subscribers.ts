// The node's in-process domain-event subscribers: one place to wire every module that reacts to another's events.
import { registerContractSubscribers } from './modules/contracts/index.js';

/** Registers every module's subscribers (contracts open on `order.line.started`); safe to call again. */
export function registerAppDomainEventSubscribers(): void {
  registerContractSubscribers();
}
