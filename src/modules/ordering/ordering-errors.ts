// The ordering module's expected failures, each with a stable code and a Japanese and English message.
import { AppError, type BilingualMessage } from '../../domain/errors.js';

function fieldError(code: string, status: number, path: string, message: BilingualMessage): AppError {
  return new AppError({ code, status, message, fields: [{ path, code, message }] });
}

export const orderingErrors = {
  cartItemNotFound: () =>
    new AppError({
      code: 'cart_item_not_found',
      status: 404,
      message: { ja: 'カートにその商品はありません。', en: 'That item is not in your cart.' },
    }),
  cartFull: (limit: number) =>
    new AppError({
      code: 'cart_full',
      status: 409,
      message: {
        ja: `カートに入れられる商品は ${limit} 件までです。`,
        en: `A cart holds at most ${limit} items.`,
      },
    }),
  trialNotOffered: () =>
    fieldError('trial_not_offered', 422, 'trial', {
      ja: 'この商品には無料トライアルがありません。',
      en: 'This product has no free trial.',
    }),
  trialPlanMismatch: (plan: BilingualMessage) =>
    fieldError('trial_plan_mismatch', 422, 'plan', {
      ja: `この商品の無料トライアルはプラン「${plan.ja}」でお試しいただけます。`,
      en: `The free trial of this product is on the plan "${plan.en}".`,
    }),
  trialAlreadyUsed: (product: BilingualMessage) =>
    new AppError({
      code: 'trial_already_used',
      status: 409,
      message: {
        ja: `「${product.ja}」の無料トライアルはすでにご利用済みです。無料トライアルは商品ごとにお一人様 1 回までです。`,
        en: `You have already used the free trial of "${product.en}". A free trial can be used once per member and product.`,
      },
    }),
  checkoutCartEmpty: () =>
    new AppError({
      code: 'checkout_cart_empty',
      status: 409,
      message: {
        ja: 'カートにお申し込みいただける商品がありません。',
        en: 'Your cart holds nothing that can be ordered.',
      },
    }),
  checkoutAlreadyOrdered: (orderNumber: string) =>
    new AppError({
      code: 'checkout_already_ordered',
      status: 409,
      message: {
        ja: `このお申し込み内容はすでにご注文 ${orderNumber} として承っています。重ねてのご注文はしていません。`,
        en: `This checkout has already been ordered as order ${orderNumber}. No second order was placed.`,
      },
      extensions: { orderNumber },
    }),
  memberNotActive: () =>
    new AppError({
      code: 'order_member_not_active',
      status: 409,
      message: {
        ja: '退会済みまたはご利用いただけない会員のため、ご注文を承れません。',
        en: 'This membership has ended or cannot be used, so no order can be placed.',
      },
    }),
  orderNotFound: () =>
    new AppError({
      code: 'order_not_found',
      status: 404,
      message: { ja: 'そのご注文は見つかりません。', en: 'That order was not found.' },
    }),
};
