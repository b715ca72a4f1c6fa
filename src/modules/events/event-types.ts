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
}

export type DomainEventType = keyof DomainEventPayloads;
export const domainEventTypes = [
  'order.placed',
  'order.line.started',
  'order.line.rejected',
  'order.line.start_date_changed',
] as const;
