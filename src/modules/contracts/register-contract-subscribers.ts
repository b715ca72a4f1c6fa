// Wires the contracts module to the domain events it reacts to: a started order line opens its contract.
import { registerDomainEventSubscriber } from '../events/index.js';
import { openContract } from './open-contract.js';

/** Registers the subscribers for this process; safe to call once per context (same names replace). */
export function registerContractSubscribers(): void {
  registerDomainEventSubscriber({
    name: 'contracts.open-on-line-started',
    type: 'order.line.started',
    handle: async (tx, event) => {
      await openContract(tx, event);
    },
  });
}
