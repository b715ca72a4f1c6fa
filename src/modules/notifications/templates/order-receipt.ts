// The order receipt (注文受付メール, seed 000): order number, date, each line with plan, term, options and amounts, per-rate totals.
import { z } from 'zod';
import { formatYen, yen } from '../../../domain/money.js';
import { html } from './html.js';
import { defineMailTemplate, type Locale } from './types.js';

const bilingual = z.object({ ja: z.string(), en: z.string() });
const amount = z.number().int();

export const orderReceiptTemplate = defineMailTemplate({
  name: 'order-receipt',
  payload: z.object({
    name: z.string().min(1),
    orderNumber: z.string().min(1),
    /** The Tokyo date and time of the order, `YYYY-MM-DD HH:mm`. */
    placedAt: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    lines: z
      .array(
        z.object({
          product: bilingual,
          plan: bilingual,
          term: bilingual,
          quantity: z.number().int(),
          trialDays: z.number().int().nullable(),
          rows: z.array(
            z.object({
              name: bilingual,
              kind: z.enum(['plan', 'option', 'setup', 'usage']),
              quantity: z.number().int(),
              amount,
              percent: z.number().int(),
              reduced: z.boolean(),
            }),
          ),
          subtotal: amount,
        }),
      )
      .min(1),
    taxGroups: z.array(
      z.object({ percent: z.number().int(), reduced: z.boolean(), taxableAmount: amount, tax: amount }),
    ),
    subtotal: amount,
    tax: amount,
    total: amount,
    /** Null for a trial-only order that needs no payment method. */
    paymentMethod: bilingual.nullable(),
  }),
  render(locale, payload, store) {
    const text = receiptText(locale, payload, store.publicUrl);
    const subject =
      locale === 'en'
        ? `[${store.name}] We have received your order (${payload.orderNumber})`
        : `【${store.name}】ご注文を受け付けました（${payload.orderNumber}）`;
    return { subject, text, html: html`<div style="white-space: pre-wrap;">${text}</div>` };
  },
});

type Payload = z.infer<typeof orderReceiptTemplate.payload>;

function receiptText(locale: Locale, p: Payload, publicUrl: string): string {
  const y = (n: number) => formatYen(yen(n));
  const rowKind = (kind: string) =>
    locale === 'en'
      ? { plan: 'Plan', option: 'Option', setup: 'Setup fee', usage: 'Expected usage' }[kind]
      : { plan: 'プラン', option: 'オプション', setup: '初期費用', usage: '従量（想定）' }[kind];
  const marker = (reduced: boolean) =>
    reduced ? (locale === 'en' ? ' (reduced rate *)' : '（軽減税率※）') : '';
  const lines = p.lines
    .map((line, i) => {
      const head =
        locale === 'en'
          ? `${i + 1}. ${line.product.en}\n   Plan: ${line.plan.en} / Term: ${line.term.en} / Quantity: ${line.quantity}${line.trialDays === null ? '' : `\n   Free trial: ${line.trialDays} days (¥0 during the trial)`}`
          : `${i + 1}. ${line.product.ja}\n   プラン: ${line.plan.ja} / 契約期間: ${line.term.ja} / 数量: ${line.quantity}${line.trialDays === null ? '' : `\n   無料トライアル: ${line.trialDays}日間（期間中は ¥0）`}`;
      const rows = line.rows
        .map(
          (r) =>
            `   ${rowKind(r.kind)}: ${locale === 'en' ? r.name.en : r.name.ja} × ${r.quantity}  ${y(r.amount)}（${r.percent}%${marker(r.reduced)}）`,
        )
        .join('\n');
      const subtotal =
        locale === 'en'
          ? `   Line subtotal (tax excl.): ${y(line.subtotal)}`
          : `   小計（税抜）: ${y(line.subtotal)}`;
      return `${head}\n${rows}\n${subtotal}`;
    })
    .join('\n\n');
  const groups = p.taxGroups
    .map((g) =>
      locale === 'en'
        ? `${g.percent}% items${marker(g.reduced)}: ${y(g.taxableAmount)}  tax ${y(g.tax)}`
        : `${g.percent}%対象${marker(g.reduced)}: ${y(g.taxableAmount)}  消費税 ${y(g.tax)}`,
    )
    .join('\n');
  const method = p.paymentMethod
    ? locale === 'en'
      ? p.paymentMethod.en
      : p.paymentMethod.ja
    : locale === 'en'
      ? 'None needed (free trial)'
      : 'なし（無料トライアル）';
  const mypage = `${publicUrl.replace(/\/$/, '')}/mypage/orders`;
  if (locale === 'en') {
    return `Dear ${p.name},\n\nThank you for your order. We have received it as follows.\n\nOrder number: ${p.orderNumber}\nOrder date: ${p.placedAt} (JST)\n\n${lines}\n\n${groups}\nSubtotal (tax excl.): ${y(p.subtotal)}\nConsumption tax: ${y(p.tax)}\nTotal (first term, tax incl.): ${y(p.total)}\n\nPayment method: ${method}\n\nThe provider prepares each service and we let you know when it starts. You can follow the order on My Page: ${mypage}\n\nOrders cannot be cancelled. To stop using a service, cancel its contract instead (free during a free trial).`;
  }
  return `${p.name} 様\n\nこのたびはご注文いただきありがとうございます。以下の内容でご注文を受け付けました。\n\n注文番号: ${p.orderNumber}\nご注文日時: ${p.placedAt}\n\n${lines}\n\n${groups}\n小計（税抜）: ${y(p.subtotal)}\n消費税: ${y(p.tax)}\n合計（初回・税込）: ${y(p.total)}\n\nお支払い方法: ${method}\n\nサービスの準備が整い次第、提供開始をお知らせします。ご注文の状況はマイページでご確認いただけます: ${mypage}\n\nご注文後のキャンセルはできません。ご利用をやめる場合は契約の解約をお申し込みください（無料トライアル期間中の解約は無料です）。`;
}
