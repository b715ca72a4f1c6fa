// The renewal and next-term refusals, with stable codes and ja/en messages that name the date or the renewal in the way.
import { isTermKey, termLabel } from '../../domain/catalog.js';
import { AppError } from '../../domain/errors.js';

function jaDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

const enMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function enDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${enMonths[m - 1]} ${y}`;
}

const methodLabels: Record<string, { ja: string; en: string }> = {
  card: { ja: 'クレジットカード', en: 'Credit card' },
  bank_transfer: { ja: '銀行振込', en: 'Bank transfer' },
  direct_debit: { ja: '口座振替', en: 'Direct debit' },
  agency: { ja: '代理店支払い', en: 'Payment agency' },
  wallet: { ja: 'プリペイドポイント', en: 'Prepaid points' },
};

export const renewalErrors = {
  /** The contract's product is no longer in the catalog, so its next term has no price. */
  productUnavailable: () =>
    new AppError({
      code: 'renewal_product_unavailable',
      status: 409,
      message: {
        ja: 'この商品は現在お取り扱いがないため、更新できません。',
        en: 'This product is no longer offered, so it cannot be renewed.',
      },
    }),
  /** The contract renews automatically (or is not in force): there is nothing to quote by hand. */
  notManual: () =>
    new AppError({
      code: 'contract_renews_automatically',
      status: 409,
      message: {
        ja: 'この契約は自動更新のため、更新見積は作成できません。手動更新にするには「支払い方法をリセットする」を行ってください。',
        en: 'This contract renews automatically, so there is no renewal quote. Reset the payment method to renew it by hand.',
      },
    }),
  notRenewable: () =>
    new AppError({
      code: 'contract_not_renewable',
      status: 409,
      message: {
        ja: 'この契約は更新できる状態ではありません。',
        en: 'This contract cannot be renewed in its current state.',
      },
    }),
  windowNotOpen: (opens: string) =>
    new AppError({
      code: 'renewal_window_not_open',
      status: 409,
      message: {
        ja: `更新のお申し込みは${jaDate(opens)}から受け付けます。`,
        en: `Renewal opens on ${enDate(opens)}.`,
      },
    }),
  windowClosed: (graceEnd: string) =>
    new AppError({
      code: 'renewal_window_closed',
      status: 409,
      message: {
        ja: `更新のお支払い期限（${jaDate(graceEnd)}）を過ぎています。`,
        en: `The renewal could be paid until ${enDate(graceEnd)}; that date has passed.`,
      },
    }),
  previousUnpaid: (renewal: { id: string; termStart: string; termEnd: string; total: number }) =>
    new AppError({
      code: 'renewal_previous_unpaid',
      status: 409,
      message: {
        ja: `お支払い待ちの更新（${jaDate(renewal.termStart)}〜${jaDate(renewal.termEnd)}、${renewal.total.toLocaleString('ja-JP')}円、受付番号 ${renewal.id}）があります。先にお支払いください。`,
        en: `A renewal awaits payment (${enDate(renewal.termStart)} – ${enDate(renewal.termEnd)}, ¥${renewal.total.toLocaleString('en-US')}, reference ${renewal.id}). Please pay it first.`,
      },
    }),
  alreadyRenewed: (termStart: string) =>
    new AppError({
      code: 'renewal_already_paid',
      status: 409,
      message: {
        ja: `${jaDate(termStart)}からの更新はお支払い済みです。`,
        en: `The renewal from ${enDate(termStart)} is already paid.`,
      },
    }),
  termNotOffered: (term: string) =>
    new AppError({
      code: 'renewal_term_not_offered',
      status: 422,
      // People read the term's label (6ヶ月), not its key (6m); a string that is no term is shown as sent.
      message: {
        ja: `契約期間「${isTermKey(term) ? termLabel(term, 'ja') : term}」はこの商品の更新では選べません。`,
        en: `The term "${isTermKey(term) ? termLabel(term, 'en') : term}" cannot be chosen for this product’s renewal.`,
      },
    }),
  renewalNotFound: () =>
    new AppError({
      code: 'renewal_not_found',
      status: 404,
      message: { ja: '更新のお申し込みが見つかりません。', en: 'No such renewal.' },
    }),
  renewalNotPending: () =>
    new AppError({
      code: 'renewal_not_pending',
      status: 409,
      message: {
        ja: 'この更新はお支払い待ちではありません。',
        en: 'This renewal is not awaiting payment.',
      },
    }),
  nextTermDeadlinePassed: (deadline: string) =>
    new AppError({
      code: 'next_term_change_deadline_passed',
      status: 409,
      message: {
        ja: `次回契約内容の変更期限（${jaDate(deadline)}）を過ぎています。`,
        en: `Changes to the next term were accepted until ${enDate(deadline)}.`,
      },
    }),
  nextTermNotAutomatic: () =>
    new AppError({
      code: 'next_term_change_manual_renewal',
      status: 409,
      message: {
        ja: 'この契約は手動更新のため、次回の契約内容は更新見積で選んでください。',
        en: 'This contract renews by hand: choose the next term in the renewal quote.',
      },
    }),
  paymentMethodChangeByRecontract: () =>
    new AppError({
      code: 'payment_method_change_by_recontract',
      status: 409,
      message: {
        ja: 'この店舗では契約の支払い方法を変更できません。変更するには解約して改めてご注文ください。',
        en: 'This store does not change a contract’s payment method: cancel it and order again.',
      },
    }),
  paymentMethodNotOffered: (method: string) =>
    new AppError({
      code: 'payment_method_not_offered',
      status: 422,
      message: {
        ja: `支払い方法「${methodLabels[method]?.ja ?? method}」はこの商品では使えません。`,
        en: `${methodLabels[method]?.en ?? method} is not offered for this product.`,
      },
    }),
};
