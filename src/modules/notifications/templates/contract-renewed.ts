// The notice that a manual renewal's payment was received and the contract is renewed for the next term.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractRenewedTemplate = defineMailTemplate({
  name: 'contract-renewed',
  payload: z.object({
    name: z.string(),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    termStart: z.iso.date(),
    termEnd: z.iso.date(),
    total: z.number().int(),
  }),
  render(locale, p, store) {
    const from = formatBusinessDate(locale, p.termStart);
    const to = formatBusinessDate(locale, p.termEnd);
    const amount = p.total.toLocaleString('ja-JP');
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your contract is renewed (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nWe received your payment of ¥${amount} (tax included) and renewed your contract.\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}\nNext term: ${from} – ${to}`,
        html: html`<p>Dear ${p.name},</p><p>We received your payment of ¥${amount} (tax included) and renewed your contract.</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}<br>Next term: ${from} – ${to}</p>`,
      };
    }
    return {
      subject: `【${store.name}】契約更新完了のお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\n${amount}円（税込）のお支払いを確認し、ご契約を更新しました。\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}\n次回契約期間: ${from}〜${to}`,
      html: html`<p>${p.name} 様</p><p>${amount}円（税込）のお支払いを確認し、ご契約を更新しました。</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}<br>次回契約期間: ${from}〜${to}</p>`,
    };
  },
});
