// The ordering module's public face: carts (orders come next).
export { type AddCartItemInput, addCartItem, CART_ITEM_LIMIT } from './add-cart-item.js';
export type { CartChoice } from './cart-choice.js';
export { type CartOwner, guestCartOwner, hashCartToken, newCartToken } from './cart-owner.js';
export { type ChangeCartItemInput, changeCartItem, removeCartItem } from './change-cart-item.js';
export { findCartId } from './find-cart.js';
export { mergeGuestCart } from './merge-guest-cart.js';
export { orderingErrors } from './ordering-errors.js';
export { type PricedCart, type PricedCartItem, priceCart } from './price-cart.js';
