// The reminder that a contract renewed by hand ends soon: from when and where to take the renewal quote.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractRenewalReminderTemplate = defineMailTemplate({
  name: 'contract-renewal-reminder',
  payload: z.object({
    name: z.string(),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    termEnd: z.iso.date(),
    windowOpens: z.iso.date(),
    graceEnd: z.iso.date(),
  }),
  render(locale, p, store) {
    const end = formatBusinessDate(locale, p.termEnd);
    const opens = formatBusinessDate(locale, p.windowOpens);
    const grace = formatBusinessDate(locale, p.graceEnd);
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your contract ends on ${end}: renewal (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nYour contract ends on ${end}.\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}\n\nTo renew, take a renewal quote on My Page (from ${opens}) and pay it by ${grace}. Unpaid, the contract expires after ${grace}.`,
        html: html`<p>Dear ${p.name},</p><p>Your contract ends on ${end}.</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}</p><p>To renew, take a renewal quote on My Page (from ${opens}) and pay it by ${grace}. Unpaid, the contract expires after ${grace}.</p>`,
      };
    }
    return {
      subject: `【${store.name}】契約更新のご案内（有効期限 ${end}・契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\nご契約の有効期限は${end}です。\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}\n\n更新される場合は、${opens}からマイページで更新見積を作成し、${grace}までにお支払いください。期限までにお支払いがない場合、ご契約は期限切れとなります。`,
      html: html`<p>${p.name} 様</p><p>ご契約の有効期限は${end}です。</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}</p><p>更新される場合は、${opens}からマイページで更新見積を作成し、${grace}までにお支払いください。期限までにお支払いがない場合、ご契約は期限切れとなります。</p>`,
    };
  },
});
