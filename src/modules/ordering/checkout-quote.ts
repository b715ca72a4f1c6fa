// The quote token: a digest of everything priced and chosen at confirmation, so placing can tell what changed since.
import { createHash } from 'node:crypto';
import { AppError, type BilingualMessage } from '../../domain/errors.js';
import type { Checkout } from './checkout.js';

/** What a quote covers; each part has its own digest so a refusal can say which changed. */
const quoteParts = ['prices', 'availability', 'documents'] as const;
type QuotePart = (typeof quoteParts)[number];

const partLabels: Readonly<Record<QuotePart, BilingualMessage>> = {
  prices: { ja: '料金', en: 'the prices' },
  availability: {
    ja: 'お申し込みいただける商品・お支払い方法',
    en: 'what can be ordered (products, trials or payment methods)',
  },
  documents: { ja: '規約・同意事項', en: 'the terms to agree to' },
};

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function parts(checkout: Checkout): Record<QuotePart, unknown> {
  return {
    prices: {
      lines: checkout.lines.map((line) => [
        line.itemId,
        line.estimate.lines.map((l) => [l.kind, l.code, l.quantity, l.unitPrice, l.amount, l.taxRate]),
        line.estimate.firstTerm.total,
      ]),
      totals: checkout.totals ? [checkout.totals.firstTerm, checkout.totals.oneTime] : null,
    },
    availability: {
      lines: checkout.lines.map((line) => [
        line.itemId,
        line.product.id,
        line.item.plan,
        line.item.term,
        line.item.quantity,
        line.item.options,
        line.item.usage,
        line.item.isTrial,
        line.trialUsed,
        line.needsPaymentMethod,
        line.paymentProblem !== null,
      ]),
      unavailable: checkout.unavailableItems.map((item) => item.id),
      paymentMethods: checkout.paymentMethods.map((m) => [m.method, m.available]),
      paymentMethodRequired: checkout.paymentMethodRequired,
    },
    documents: checkout.consents.map((c) => [c.documentKey, c.version]),
  };
}

/** The token for the checkout as it is now: `q1.` and one 16-hex digest per part. */
export function quoteOf(checkout: Checkout): string {
  const all = parts(checkout);
  return `q1.${quoteParts.map((part) => digest(all[part])).join('.')}`;
}

/**
 * Throws `order_quote_changed` (409) when the checkout no longer matches the quote, naming what changed, so
 * a price or availability change between confirmation and submission is never applied silently.
 */
export function assertQuoteUnchanged(checkout: Checkout, quote: string): void {
  const now = quoteOf(checkout).split('.');
  const then = quote.split('.');
  const changed =
    then.length !== now.length || then[0] !== now[0]
      ? [...quoteParts]
      : quoteParts.filter((_, i) => then[i + 1] !== now[i + 1]);
  if (changed.length === 0) return;
  const ja = changed.map((part) => partLabels[part].ja).join('、');
  const en = changed.map((part) => partLabels[part].en).join(', ');
  throw new AppError({
    code: 'order_quote_changed',
    status: 409,
    message: {
      ja: `ご確認いただいた後に${ja}が変わりました。ご注文はまだ確定していません。内容をもう一度ご確認ください。`,
      en: `Since you confirmed, ${en} changed. Your order has not been placed; please review it again.`,
    },
    fields: changed.map((part) => ({
      path: 'quote',
      code: `quote_${part}_changed`,
      message: partLabels[part],
    })),
  });
}
