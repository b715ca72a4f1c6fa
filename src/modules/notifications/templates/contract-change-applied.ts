// The mail telling the member a contract change took effect on its date (契約変更完了).
import { z } from 'zod';
import { formatYen, yen } from '../../../domain/money.js';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractChangeAppliedTemplate = defineMailTemplate({
  name: 'contract-change-applied',
  payload: z.object({
    name: z.string().min(1),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    effectiveDate: z.iso.date(),
    /** What changed, one line each, in the mail's language. */
    summary: z.array(z.string()).min(1),
    /** Tax-exclusive yen for the rest of the term: positive charged, negative credited. */
    difference: z.number().int(),
    termAmount: z.number().int().min(0),
  }),
  render(locale, p, store) {
    const effective = formatBusinessDate(locale, p.effectiveDate);
    const difference = formatYen(yen(p.difference));
    const term = formatYen(yen(p.termAmount));
    if (locale === 'en') {
      const lines = [
        `Contract number: ${p.contractNumber}`,
        `Product: ${p.productName}`,
        ...p.summary,
        `Took effect on: ${effective}`,
        `Difference for the rest of the term (excl. tax): ${difference}, shown on your next invoice`,
        `Price per term from now on (excl. tax): ${term}`,
      ];
      return {
        subject: `[${store.name}] Your contract has been changed (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nThe change you applied for took effect on ${effective}.\n\n${lines.join('\n')}`,
        html: html`<p>Dear ${p.name},</p><p>The change you applied for took effect on ${effective}.</p><p>${lines.map((l, i) => html`${i > 0 ? html`<br>` : ''}${l}`)}</p>`,
      };
    }
    const lines = [
      `契約番号: ${p.contractNumber}`,
      `商品: ${p.productName}`,
      ...p.summary,
      `変更日: ${effective}`,
      `今期の差額（税抜）: ${difference}（次回のご請求に含まれます）`,
      `今後のご利用料金（1契約期間・税抜）: ${term}`,
    ];
    return {
      subject: `【${store.name}】契約変更完了のお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\nお申し込みいただいた契約変更は、${effective}に反映されました。\n\n${lines.join('\n')}`,
      html: html`<p>${p.name} 様</p><p>お申し込みいただいた契約変更は、${effective}に反映されました。</p><p>${lines.map((l, i) => html`${i > 0 ? html`<br>` : ''}${l}`)}</p>`,
    };
  },
});
