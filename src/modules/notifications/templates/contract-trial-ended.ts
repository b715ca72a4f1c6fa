// The notice sent when a free trial is over: converted to the paid plan (with its first term), or ended.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractTrialEndedTemplate = defineMailTemplate({
  name: 'contract-trial-ended',
  payload: z.object({
    name: z.string(),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    trialEnd: z.iso.date(),
    outcome: z.enum(['converted', 'ended']),
    /** The first paid term, when converted. */
    termStart: z.iso.date().nullable(),
    termEnd: z.iso.date().nullable(),
  }),
  render(locale, p, store) {
    const end = formatBusinessDate(locale, p.trialEnd);
    const from = p.termStart ? formatBusinessDate(locale, p.termStart) : '';
    const to = p.termEnd ? formatBusinessDate(locale, p.termEnd) : '';
    if (locale === 'en') {
      const what =
        p.outcome === 'converted'
          ? `Your free trial ended on ${end} and your paid contract has started.\n\nContract period: ${from} – ${to}`
          : `Your free trial ended on ${end}, and so did the contract.`;
      return {
        subject:
          p.outcome === 'converted'
            ? `[${store.name}] Your paid contract has started (contract ${p.contractNumber})`
            : `[${store.name}] Your free trial has ended (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\n${what}\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}`,
        html: html`<p>Dear ${p.name},</p><p>${what}</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}</p>`,
      };
    }
    const what =
      p.outcome === 'converted'
        ? `お試し期間が${end}で終了し、有料プランでのご契約を開始しました。\n\n契約期間: ${from}〜${to}`
        : `お試し期間が${end}で終了し、ご契約も終了しました。`;
    return {
      subject:
        p.outcome === 'converted'
          ? `【${store.name}】有料プランへの移行のお知らせ（契約番号 ${p.contractNumber}）`
          : `【${store.name}】お試し期間終了のお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\n${what}\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}`,
      html: html`<p>${p.name} 様</p><p>${what}</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}</p>`,
    };
  },
});
