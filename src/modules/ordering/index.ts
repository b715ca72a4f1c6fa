// The ordering module's public face: carts, checkout rules, orders, order numbers.
export type { OrderContactRow, OrderLinePricingRow } from '../../db/schema/ordering.js';
export { orderFieldProblem } from '../../domain/forms/checkout-fields.js';
export { type AddCartItemInput, addCartItem, CART_ITEM_LIMIT } from './add-cart-item.js';
export { allocateOrderNumber } from './allocate-order-number.js';
export type { CartChoice } from './cart-choice.js';
export { type CartOwner, guestCartOwner, hashCartToken, newCartToken } from './cart-owner.js';
export { type ChangeCartItemInput, changeCartItem, removeCartItem } from './change-cart-item.js';
export { type ChangeLineStartDateInput, changeLineStartDate } from './change-line-start-date.js';
export type {
  Checkout,
  CheckoutConsent,
  CheckoutContact,
  CheckoutInput,
  CheckoutLine,
  ConsentKind,
} from './checkout.js';
export { consentKinds } from './checkout.js';
export {
  anyMethodUsable,
  type CheckoutPaymentMethod,
  checkoutPaymentMethods,
  noUsableMethodFor,
  paymentMethodLabels,
} from './checkout-payment-methods.js';
export { assertQuoteUnchanged, quoteOf } from './checkout-quote.js';
export { type ConfirmLineStartInput, confirmLineStart } from './confirm-line-start.js';
export { countOrderWork, type OrderWork } from './count-order-work.js';
export { type CreateOrderInput, createOrder, type NewOrderLine } from './create-order.js';
export { findCartId, lockCartId } from './find-cart.js';
export { findOrderLineStates, type OrderLineState, orderLineStatusIn } from './find-order-line-states.js';
export { getOrderForProvisioning, type OrderForProvisioning } from './get-order-for-provisioning.js';
export { getOrderRecord, type OrderRecord } from './get-order-record.js';
export { listWaitingOrderLines } from './list-waiting-order-lines.js';
export { lockCheckout } from './lock-checkout.js';
export { type MarkLinePreparingInput, markLinePreparing } from './mark-line-preparing.js';
export {
  findOrderByCheckoutQuote,
  findOrderByIdempotencyKey,
  getOrderDetail,
  listMemberOrders,
  NO_PAYMENT_METHOD,
  type OrderDetail,
  type OrderLineDetail,
  type OrderSummary,
} from './member-orders.js';
export { mergeGuestCart } from './merge-guest-cart.js';
export { orderLineErrors } from './order-line-errors.js';
export {
  addTimelineEntry,
  type OrderLineRow,
  type OrderLineStepInput,
  type OrderRow,
  type TimelineEntry,
  timelineActor,
} from './order-line-step.js';
export {
  deriveOrderStatus,
  type OrderStatus,
  orderCancellationNotice,
  orderStatusLabels,
} from './order-status.js';
export {
  pendingOrdersBlocker,
  registerOrderingWithdrawalBlockers,
  trialsInUseBlocker,
} from './order-withdrawal-blockers.js';
export { orderingErrors } from './ordering-errors.js';
export { orderPaidAtCheckoutSql, paidAtCheckoutMethods } from './paid-at-checkout-sql.js';
export { type PricedCart, type PricedCartItem, priceCart } from './price-cart.js';
export { type RejectOrderLineInput, rejectOrderLine } from './reject-order-line.js';
export { type OrderListItem, type SearchOrdersInput, searchOrders } from './search-orders.js';
export { validateCheckoutInput } from './validate-checkout.js';
