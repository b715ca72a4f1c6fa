// The mail telling the member a cancelled contract has ended (解約完了), sent the day after its last day.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractCancellationCompleteTemplate = defineMailTemplate({
  name: 'contract-cancellation-complete',
  payload: z.object({
    name: z.string().min(1),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    endDate: z.iso.date(),
  }),
  render(locale, p, store) {
    const end = formatBusinessDate(locale, p.endDate);
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Cancellation complete (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nYour contract has been cancelled. The service ended after ${end}.\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}\nLast day of service: ${end}\n\nThank you for using ${store.name}.`,
        html: html`<p>Dear ${p.name},</p><p>Your contract has been cancelled. The service ended after ${end}.</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}<br>Last day of service: ${end}</p><p>Thank you for using ${store.name}.</p>`,
      };
    }
    return {
      subject: `【${store.name}】解約完了のお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\nご契約の解約手続きが完了しました。${end}をもってサービスのご提供を終了いたしました。\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}\n解約日（サービス最終日）: ${end}\n\nこれまでのご利用、誠にありがとうございました。`,
      html: html`<p>${p.name} 様</p><p>ご契約の解約手続きが完了しました。${end}をもってサービスのご提供を終了いたしました。</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}<br>解約日（サービス最終日）: ${end}</p><p>これまでのご利用、誠にありがとうございました。</p>`,
    };
  },
});
