// The reminder that a free trial ends soon, with what happens then: the paid plan starts, or the contract ends.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractTrialEndingTemplate = defineMailTemplate({
  name: 'contract-trial-ending',
  payload: z.object({
    name: z.string(),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    trialEnd: z.iso.date(),
    /** `convert`: the paid plan starts the next day; `end`: the contract ends. */
    atEnd: z.enum(['convert', 'end']),
    paidStart: z.iso.date(),
  }),
  render(locale, p, store) {
    const end = formatBusinessDate(locale, p.trialEnd);
    const next = formatBusinessDate(locale, p.paidStart);
    if (locale === 'en') {
      const then =
        p.atEnd === 'convert'
          ? `The paid plan starts on ${next}. To stop, cancel on My Page by ${end}.`
          : `The contract ends on ${end}. To keep using the service, order the paid plan on the store.`;
      return {
        subject: `[${store.name}] Your free trial ends on ${end} (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nYour free trial ends on ${end}.\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}\n\n${then}`,
        html: html`<p>Dear ${p.name},</p><p>Your free trial ends on ${end}.</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}</p><p>${then}</p>`,
      };
    }
    const then =
      p.atEnd === 'convert'
        ? `${next}から有料プランでのご契約が始まります。ご利用を終える場合は${end}までにマイページから解約してください。`
        : `${end}をもってご契約は終了します。引き続きご利用の場合は有料プランをご注文ください。`;
    return {
      subject: `【${store.name}】お試し期間終了のご案内（${end}まで・契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\nお試し期間は${end}で終了します。\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}\n\n${then}`,
      html: html`<p>${p.name} 様</p><p>お試し期間は${end}で終了します。</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}</p><p>${then}</p>`,
    };
  },
});
