// The mail telling the member a cancelled contract has ended (解約完了), sent the day after its last day, with any paid next term it never reached and its refund.
import { z } from 'zod';
import { formatYen, yen } from '../../../domain/money.js';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

const refund = z.object({
  how: z.enum(['manual', 'auto']),
  amount: z.number().int().nonnegative(),
  termStart: z.iso.date(),
  termEnd: z.iso.date(),
});

export const contractCancellationCompleteTemplate = defineMailTemplate({
  name: 'contract-cancellation-complete',
  payload: z.object({
    name: z.string().min(1),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    endDate: z.iso.date(),
    refunds: z.array(refund).default([]),
  }),
  render(locale, p, store) {
    const end = formatBusinessDate(locale, p.endDate);
    if (locale === 'en') {
      const refunds = p.refunds.map(
        (r) =>
          `The next term you had already paid (${formatBusinessDate('en', r.termStart)} – ${formatBusinessDate('en', r.termEnd)}) will not be used: ${formatYen(yen(r.amount))} (tax included) is refunded ${r.how === 'auto' ? 'to your prepaid wallet' : 'to you'}.`,
      );
      const extra = refunds.length ? `\n\n${refunds.join('\n')}` : '';
      return {
        subject: `[${store.name}] Cancellation complete (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nYour contract has been cancelled. The service ended after ${end}.\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}\nLast day of service: ${end}${extra}\n\nThank you for using ${store.name}.`,
        html: html`<p>Dear ${p.name},</p><p>Your contract has been cancelled. The service ended after ${end}.</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}<br>Last day of service: ${end}</p>${refunds.map((r) => html`<p>${r}</p>`)}<p>Thank you for using ${store.name}.</p>`,
      };
    }
    const refunds = p.refunds.map(
      (r) =>
        `お支払い済みの次回契約期間（${formatBusinessDate('ja', r.termStart)}〜${formatBusinessDate('ja', r.termEnd)}）はご利用前のため、${formatYen(yen(r.amount))}（税込）を${r.how === 'auto' ? 'ポイント（ウォレット）へ' : ''}返金いたします。`,
    );
    const extra = refunds.length ? `\n\n${refunds.join('\n')}` : '';
    return {
      subject: `【${store.name}】解約完了のお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\nご契約の解約手続きが完了しました。${end}をもってサービスのご提供を終了いたしました。\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}\n解約日（サービス最終日）: ${end}${extra}\n\nこれまでのご利用、誠にありがとうございました。`,
      html: html`<p>${p.name} 様</p><p>ご契約の解約手続きが完了しました。${end}をもってサービスのご提供を終了いたしました。</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}<br>解約日（サービス最終日）: ${end}</p>${refunds.map((r) => html`<p>${r}</p>`)}<p>これまでのご利用、誠にありがとうございました。</p>`,
    };
  },
});
