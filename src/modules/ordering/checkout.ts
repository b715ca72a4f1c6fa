// What a checkout is: the member's orderable cart lines priced now, contacts, payment methods, consents and totals.
import type { BilingualMessage } from '../../domain/errors.js';
import type { CombinedEstimate, Estimate } from '../../domain/estimate.js';
import type { CatalogProduct } from '../catalog/index.js';
import type { CheckoutPaymentMethod } from './checkout-payment-methods.js';
import type { PricedCartItem } from './price-cart.js';

/** A contact as written on an order: prefilled from the profile, editable for this order only. */
export interface CheckoutContact {
  companyName: string | null;
  departmentName: string | null;
  name: string;
  nameKana: string | null;
  email: string;
  phone: string;
  postalCode: string | null;
  address: string | null;
}

export const consentKinds = [
  'store_terms',
  'product_terms',
  'option_terms',
  'trial_conditions',
  'provider_data_sharing',
] as const;
export type ConsentKind = (typeof consentKinds)[number];

/** One consent the order needs, with the exact version the member agrees to. */
export interface CheckoutConsent {
  kind: ConsentKind;
  documentKey: string;
  version: string;
  title: BilingualMessage;
  /** Where the document is shown in the web app. */
  url: string;
  /** For `provider_data_sharing`: the provider and the contact fields it receives. */
  provider: { slug: string; name: BilingualMessage } | null;
  sharedFields: string[];
}

/** One cart item that can be ordered now. */
export interface CheckoutLine {
  itemId: string;
  product: CatalogProduct;
  item: PricedCartItem;
  /** The engine's prices (all ¥0 for a trial). */
  estimate: Estimate;
  trial: { days: number; conditionsDocument: string; paymentMethodRequired: boolean } | null;
  /** The member already took this product's trial (or another trial line of the cart takes it). */
  trialUsed: boolean;
  /** False for a trial whose product needs no payment method: such a line never limits the methods. */
  needsPaymentMethod: boolean;
  /**
   * Why this line cannot be ordered now although it is in stock: it needs a payment method and none of
   * those its product allows can be used yet. Null when the line can be ordered.
   */
  paymentProblem: BilingualMessage | null;
}

export interface Checkout {
  memberId: string;
  locale: 'ja' | 'en';
  customerContact: CheckoutContact;
  billingContact: CheckoutContact;
  lines: CheckoutLine[];
  /** Cart items that cannot be ordered as chosen; they stay in the cart. */
  unavailableItems: PricedCartItem[];
  /** The methods every line that needs one allows (trials needing none do not count). */
  paymentMethods: CheckoutPaymentMethod[];
  /** False for a cart of trials whose products need no payment method. */
  paymentMethodRequired: boolean;
  consents: CheckoutConsent[];
  /** Every line together, tax once per rate; null when nothing can be ordered. */
  totals: CombinedEstimate | null;
}

/** What the member sends to confirm or place: the contacts, order fields, payment method and consents. */
export interface CheckoutInput {
  customerContact: CheckoutContact;
  billingContact: CheckoutContact;
  /** By cart item id, then by order field key. */
  orderFields: Record<string, Record<string, string>>;
  paymentMethod: string | null;
  consents: { documentKey: string; version: string }[];
}
