// Confirms a checkout: validates what the member entered and returns the priced confirmation with its quote token.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client.js';
import {
  type Checkout,
  type CheckoutInput,
  quoteOf,
  validateCheckoutInput,
} from '../modules/ordering/index.js';
import { buildCheckout } from './build-checkout.js';

/** Throws the checkout's 409/422 problems; nothing is written. */
export async function confirmCheckout(
  db: DbOrTx,
  input: { memberId: string; checkout: CheckoutInput; now: Temporal.Instant },
): Promise<{ checkout: Checkout; input: CheckoutInput; quote: string }> {
  const checkout = await buildCheckout(db, { memberId: input.memberId, now: input.now });
  const cleaned = validateCheckoutInput(checkout, input.checkout);
  return { checkout, input: cleaned, quote: quoteOf(checkout) };
}
