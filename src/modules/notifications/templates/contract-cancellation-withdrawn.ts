// The mail confirming that the member withdrew a cancellation application: the contract continues.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractCancellationWithdrawnTemplate = defineMailTemplate({
  name: 'contract-cancellation-withdrawn',
  payload: z.object({
    name: z.string().min(1),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
  }),
  render(locale, p, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Cancellation withdrawn (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nAs you asked, your cancellation application was withdrawn. The contract continues as before.\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}`,
        html: html`<p>Dear ${p.name},</p><p>As you asked, your cancellation application was withdrawn. The contract continues as before.</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}</p>`,
      };
    }
    return {
      subject: `【${store.name}】解約お申し込み取り消しのお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\nご依頼により、解約のお申し込みを取り消しました。ご契約は引き続きご利用いただけます。\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}`,
      html: html`<p>${p.name} 様</p><p>ご依頼により、解約のお申し込みを取り消しました。ご契約は引き続きご利用いただけます。</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}</p>`,
    };
  },
});
