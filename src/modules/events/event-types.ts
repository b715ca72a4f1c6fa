// Every domain event type and the shape of its payload: the contract between the modules that write and read them.

/** `order.placed`: an order was placed (subject: the order id). The contracts module opens contracts from it. */
export interface OrderPlacedPayload {
  orderId: string;
  orderNumber: string;
  memberId: string;
  paymentMethod: string | null;
  /** ISO instant of placing. */
  placedAt: string;
  lines: {
    orderLineId: string;
    productId: string;
    providerId: string;
    plan: string;
    term: string;
    quantity: number;
    options: { code: string; quantity?: number }[];
    isTrial: boolean;
    trialDays: number | null;
  }[];
}

/** `order.line.started`: a provider or an operator confirmed the service start (subject: the order line id). */
export interface OrderLineStartedPayload {
  orderId: string;
  orderLineId: string;
  memberId: string;
  /** `YYYY-MM-DD`, Asia/Tokyo. */
  serviceStartDate: string;
  orderNumber: string;
  productId: string;
  providerId: string;
  productNameJa: string;
  productNameEn: string;
  plan: string;
  term: string;
  quantity: number;
  options: { code: string; quantity?: number }[];
  /** The line's price as confirmed at order: the estimate engine's rows and totals (tax-exclusive yen). */
  pricing: PriceSnapshot;
  /** `card`, `bank_transfer`, … as chosen at order; null when none was needed (a trial). */
  paymentMethod: string | null;
  isTrial: boolean;
  trialDays: number | null;
  /** The member's language at order time. */
  locale: 'ja' | 'en';
  /** Who confirmed the start: the provider's system or an operator. */
  startedBy: { kind: 'member' | 'operator' | 'system' | 'cli' | 'provider'; id: string | null };
}

/** A price as the estimate engine gave it on the order line: rows, the monthly amount (when exact), one term, one-time fees. */
export interface PriceSnapshot {
  lines: {
    kind: string;
    code: string;
    labelJa: string;
    labelEn: string;
    quantity: number;
    unitPrice: number;
    amount: number;
    taxRate: number;
    recurring: boolean;
  }[];
  monthlyAmount: number | null;
  termAmount: number;
  oneTimeAmount: number;
}

/** What every contract event carries for billing: the contract, its member, dates and price snapshot. */
export interface ContractEventBase {
  contractId: string;
  contractNumber: string;
  memberId: string;
  productId: string;
  plan: string;
  term: string;
  quantity: number;
  options: { code: string; quantity?: number }[];
  pricing: PriceSnapshot;
  paymentMethod: string | null;
  renewalMode: 'auto' | 'manual';
  /** `YYYY-MM-DD` dates, Asia/Tokyo. */
  startDate: string;
  currentTermStart: string;
  currentTermEnd: string;
  minimumTermEnd: string | null;
  trialEnd: string | null;
  status: string;
}

/** `contract.started`: a contract opened when its order line's service started (subject: the contract id). */
export interface ContractStartedPayload extends ContractEventBase {
  orderId: string;
  orderLineId: string;
}

/** `contract.status_changed`: suspended, resumed … (subject: the contract id). */
export interface ContractStatusChangedPayload extends ContractEventBase {
  fromStatus: string;
  toStatus: string;
  reason: string | null;
}

/**
 * `contract.renewed`: a contract moved into its next term, automatically or by a paid manual renewal
 * (subject: the contract id). The base carries the new term and price snapshot; the previous ones are
 * beside it, so a billing run needs nothing else. A wallet (prepaid) contract's is published once, on
 * its renewal day when the next term is charged (`renewalId` names that paid renewal), before the term
 * begins: `newTerm.start` is then after the event, and the contract moves into it without another event.
 */
export interface ContractRenewedPayload extends ContractEventBase {
  /** `auto` (the renewal sweep) or `manual` (a paid renewal quote). */
  how: 'auto' | 'manual';
  renewalId: string | null;
  previousTerm: { term: string; start: string; end: string };
  previousPricing: PriceSnapshot;
  newTerm: { term: string; start: string; end: string };
}

/**
 * `contract.auto_renewal_stopped`: the renewal sweep could not price a contract's next term (its plan,
 * term or an option is no longer offered), so it renews by hand from now on and expires after the grace
 * period unless the member takes a renewal quote (subject: the contract id).
 */
export interface ContractAutoRenewalStoppedPayload extends ContractEventBase {
  /** The term and options that could not be priced. */
  attempted: { term: string; options: { code: string; quantity?: number }[] };
  /** The price engine's refusal code, e.g. `estimate_term_not_offered`. */
  reason: string;
}

/**
 * `contract.cancellation_scheduled`: a cancellation accepted for its last day (subject: the contract id).
 * Billing stops charging after `endDate` and bills `earlyTerminationFee` (tax-exclusive yen) with the last invoice.
 */
export interface ContractCancellationScheduledPayload extends ContractEventBase {
  requestId: string;
  /** The last day of service, `YYYY-MM-DD`. */
  endDate: string;
  /** The day the member asked for; differs from `endDate` when an operator proposed another date. */
  desiredDate: string;
  earlyTerminationFee: number;
}

/**
 * `contract.changed`: a change applied on its date (subject: the contract id). The base carries the new
 * plan, quantity, options and price snapshot from `effectiveDate`; `previous` the ones before. Billing
 * charges (or credits, when negative) `difference.amount` (tax-exclusive yen, worked out per `proration`
 * for `difference.periodStart` – `periodEnd` from `effectiveDate`) and bills later terms at the new price.
 */
export interface ContractChangedPayload extends ContractEventBase {
  requestId: string;
  desiredDate: string;
  effectiveDate: string;
  previous: {
    plan: string;
    quantity: number;
    options: { code: string; quantity?: number }[];
    pricing: PriceSnapshot;
  };
  proration: 'none' | 'daily' | 'monthly';
  difference: {
    periodStart: string;
    periodEnd: string;
    charged: number | null;
    total: number | null;
    unit: 'days' | 'months' | null;
    oldAmount: number;
    newAmount: number;
    amount: number;
  };
}

/** `contract.ended`: the service is over, the day after its last day (subject: the contract id). */
export interface ContractEndedPayload extends ContractEventBase {
  requestId: string | null;
  /** The last day of service, `YYYY-MM-DD`. */
  endDate: string;
  earlyTerminationFee: number;
  reason: 'cancellation';
}

/**
 * `contract.renewal_refunded`: the contract ended before a paid next term began, so that term's whole
 * total is paid back (`how` = `auto`: to the prepaid wallet it was charged from; subject: the contract id).
 */
export interface ContractRenewalRefundedPayload extends ContractEventBase {
  renewalId: string;
  how: 'manual' | 'auto';
  termStart: string;
  termEnd: string;
  /** Yen including tax: the renewal's total. */
  amount: number;
  /** The contract's last day of service. */
  endDate: string;
}

/** `order.line.rejected`: the line cannot be provided (subject: the order line id). */
export interface OrderLineRejectedPayload {
  orderId: string;
  orderLineId: string;
  memberId: string;
  reason: string;
}

/**
 * `order.line.start_date_changed`: a confirmed start date moved before the service started (seed 003;
 * subject: the order line id).
 */
export interface OrderLineStartDateChangedPayload {
  orderId: string;
  orderLineId: string;
  memberId: string;
  previousDate: string;
  serviceStartDate: string;
}

export interface DomainEventPayloads {
  'order.placed': OrderPlacedPayload;
  'order.line.started': OrderLineStartedPayload;
  'order.line.rejected': OrderLineRejectedPayload;
  'order.line.start_date_changed': OrderLineStartDateChangedPayload;
  'contract.started': ContractStartedPayload;
  'contract.status_changed': ContractStatusChangedPayload;
  'contract.renewed': ContractRenewedPayload;
  'contract.auto_renewal_stopped': ContractAutoRenewalStoppedPayload;
  'contract.cancellation_scheduled': ContractCancellationScheduledPayload;
  'contract.changed': ContractChangedPayload;
  'contract.ended': ContractEndedPayload;
  'contract.renewal_refunded': ContractRenewalRefundedPayload;
}

export type DomainEventType = keyof DomainEventPayloads;
export const domainEventTypes = [
  'order.placed',
  'order.line.started',
  'order.line.rejected',
  'order.line.start_date_changed',
  'contract.started',
  'contract.status_changed',
  'contract.renewed',
  'contract.auto_renewal_stopped',
  'contract.cancellation_scheduled',
  'contract.changed',
  'contract.ended',
  'contract.renewal_refunded',
] as const;
