// The notice that a contract expired: its manual renewal was not paid by the end of the grace period.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractExpiredTemplate = defineMailTemplate({
  name: 'contract-expired',
  payload: z.object({
    name: z.string(),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    termEnd: z.iso.date(),
  }),
  render(locale, p, store) {
    const end = formatBusinessDate(locale, p.termEnd);
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your contract has expired (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nYour contract, which ended on ${end}, was not renewed in time and has expired.\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}`,
        html: html`<p>Dear ${p.name},</p><p>Your contract, which ended on ${end}, was not renewed in time and has expired.</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}</p>`,
      };
    }
    return {
      subject: `【${store.name}】ご契約期限切れのお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\n${end}に有効期限を迎えたご契約は、期限までに更新のお支払いがなかったため期限切れとなりました。\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}`,
      html: html`<p>${p.name} 様</p><p>${end}に有効期限を迎えたご契約は、期限までに更新のお支払いがなかったため期限切れとなりました。</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}</p>`,
    };
  },
});
