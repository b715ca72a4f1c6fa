// The ordering module's expected failures, each with a stable code and a Japanese and English message.
import { AppError } from '../../domain/errors.js';

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
};
