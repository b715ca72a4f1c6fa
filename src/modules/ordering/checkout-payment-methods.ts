// Which payment methods a checkout offers: those every product allows, each usable now or disabled with the reason.
import type { PaymentMethodKey } from '../../domain/catalog.js';
import { paymentMethodKeys } from '../../domain/catalog.js';
import type { BilingualMessage } from '../../domain/errors.js';

export const paymentMethodLabels: Readonly<Record<PaymentMethodKey, BilingualMessage>> = {
  card: { ja: 'クレジットカード', en: 'Credit card' },
  bank_transfer: { ja: '銀行振込', en: 'Bank transfer' },
  direct_debit: { ja: '口座振替', en: 'Direct debit' },
  agency: { ja: '請求書払い（決済代行）', en: 'Invoice (payment agency)' },
  wallet: { ja: 'ウォレット（プリペイドポイント）', en: 'Wallet (prepaid points)' },
};

/**
 * Why a method cannot be chosen yet. Card, direct debit, agency and wallet need a registration or a
 * screening first (seeds 000, 003), which the payments module will run; bank transfer needs nothing
 * at order time (no money moves until billing), so it is the one method usable now.
 */
const notYetUsable: Readonly<Partial<Record<PaymentMethodKey, BilingualMessage>>> = {
  card: {
    ja: 'クレジットカードのご登録が必要です。カードの登録は現在ご利用いただけません。',
    en: 'This needs a registered credit card, and card registration is not available yet.',
  },
  direct_debit: {
    ja: '口座振替には事前の申込書の提出と審査（1〜3 営業日）が必要です。現在お申し込みいただけません。',
    en: 'Direct debit needs an application and a screening (1 to 3 business days) first, which are not available yet.',
  },
  agency: {
    ja: '請求書払いには決済代行会社の審査（1〜3 営業日）が必要です。現在お申し込みいただけません。',
    en: 'Paying by invoice needs the payment agency’s screening (1 to 3 business days) first, which is not available yet.',
  },
  wallet: {
    ja: 'ウォレット（プリペイドポイント）のご登録とチャージが必要です。現在ご利用いただけません。',
    en: 'This needs a wallet with prepaid points, which is not available yet.',
  },
};

export interface CheckoutPaymentMethod {
  method: PaymentMethodKey;
  label: BilingualMessage;
  available: boolean;
  /** Why it cannot be chosen now; null when available. */
  reason: BilingualMessage | null;
}

/**
 * Why a line cannot be ordered when none of the methods its product allows can be used yet, with the
 * way forward: remove it and order the rest, or ask the store.
 */
export function noUsableMethodFor(
  productName: BilingualMessage,
  allowed: readonly string[],
): BilingualMessage {
  const methods = paymentMethodKeys.filter((m) => allowed.includes(m));
  return {
    ja: `「${productName.ja}」のお支払い方法（${methods.map((m) => paymentMethodLabels[m].ja).join('・')}）は現在ご利用いただけないため、この商品はご注文いただけません。カートから削除すると他の商品をご注文いただけます。この商品についてはお問い合わせください。`,
    en: `${productName.en} can only be paid by ${methods.map((m) => paymentMethodLabels[m].en.toLowerCase()).join(' or ')}, which cannot be used yet, so it cannot be ordered now. Remove it from the cart to order the rest, and contact us about it.`,
  };
}

/** Whether the member can use at least one of these methods now. */
export function anyMethodUsable(allowed: readonly string[]): boolean {
  return checkoutPaymentMethods([allowed]).some((m) => m.available);
}

/** The methods every product allows (in the catalog's order), each with whether the member can use it now. */
export function checkoutPaymentMethods(
  allowedPerProduct: readonly (readonly string[])[],
): CheckoutPaymentMethod[] {
  if (allowedPerProduct.length === 0) return [];
  return paymentMethodKeys
    .filter((method) => allowedPerProduct.every((allowed) => allowed.includes(method)))
    .map((method) => {
      const reason = notYetUsable[method] ?? null;
      return { method, label: paymentMethodLabels[method], available: reason === null, reason };
    });
}
