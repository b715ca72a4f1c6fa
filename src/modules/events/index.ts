// The events module's public face: record a domain event in a transaction, read events in order.
export {
  type DomainEventSubscriber,
  dispatchDomainEvent,
  domainEventSubscriberNames,
  type RecordedDomainEvent,
  registerDomainEventSubscriber,
} from './domain-event-subscribers.js';
export {
  type ContractAutoRenewalStoppedPayload,
  type ContractCancellationScheduledPayload,
  type ContractChangedPayload,
  type ContractEndedPayload,
  type ContractEventBase,
  type ContractRenewedPayload,
  type ContractStartedPayload,
  type ContractStatusChangedPayload,
  type DomainEventPayloads,
  type DomainEventType,
  domainEventTypes,
  type OrderLineRejectedPayload,
  type OrderLineStartDateChangedPayload,
  type OrderLineStartedPayload,
  type OrderPlacedPayload,
  type PriceSnapshot,
} from './event-types.js';
export { type DomainEvent, listDomainEvents } from './list-domain-events.js';
export { type RecordDomainEventInput, recordDomainEvent } from './record-domain-event.js';
export { type DomainEventOfBatch, recordDomainEvents } from './record-domain-events.js';
