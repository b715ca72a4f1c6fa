// Wires the licensing module to the contract events it reacts to: a started software contract opens its licence, later changes keep it in step.
import { registerDomainEventSubscriber } from '../events/index.js';
import { openLicence } from './open-licence.js';
import { syncLicences } from './sync-licence.js';

/** Registers the subscribers for this process; safe to call once per context (same names replace). */
export function registerLicensingSubscribers(): void {
  registerDomainEventSubscriber({
    name: 'licensing.open-on-contract-started',
    type: 'contract.started',
    handle: async (tx, event) => {
      await openLicence(tx, event);
    },
  });
  for (const type of ['contract.renewed', 'contract.status_changed', 'contract.ended'] as const) {
    registerDomainEventSubscriber({
      name: `licensing.sync-on-${type}`,
      type,
      handle: (tx, event) => syncLicences(tx, [event]),
      handleBatch: (tx, events) => syncLicences(tx, events),
    });
  }
}
