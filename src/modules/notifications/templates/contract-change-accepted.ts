// The mail acknowledging a contract change application (契約変更受付): accepted for its date, or waiting for the store to confirm a date inside the lead time.
import { z } from 'zod';
import { formatYen, yen } from '../../../domain/money.js';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractChangeAcceptedTemplate = defineMailTemplate({
  name: 'contract-change-accepted',
  payload: z.object({
    name: z.string().min(1),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    desiredDate: z.iso.date(),
    /** The first day with the new content; null while the store has not yet confirmed a wish inside the lead time. */
    effectiveDate: z.iso.date().nullable(),
    /** What changes, one line each, in the mail's language. */
    summary: z.array(z.string()).min(1),
    /** Tax-exclusive yen for the rest of the term: positive charged, negative credited. */
    difference: z.number().int(),
    /** One term's tax-exclusive price after the change. */
    termAmount: z.number().int().min(0),
    /** Why the store chose another date than the one wished. */
    reason: z.string().nullable(),
  }),
  render(locale, p, store) {
    const desired = formatBusinessDate(locale, p.desiredDate);
    const effective = p.effectiveDate ? formatBusinessDate(locale, p.effectiveDate) : null;
    const difference = formatYen(yen(p.difference));
    const term = formatYen(yen(p.termAmount));
    if (locale === 'en') {
      const lead =
        effective === null
          ? `We have received your change application. The date you asked for (${desired}) is inside the notice period, so we will check it and tell you the date it takes effect.`
          : `We have accepted your change. It takes effect on ${effective}.`;
      const lines = [
        `Contract number: ${p.contractNumber}`,
        `Product: ${p.productName}`,
        ...p.summary,
        `Requested date: ${desired}`,
        `Takes effect on: ${effective ?? 'to be confirmed'}`,
        ...(p.reason ? [`Why this date: ${p.reason}`] : []),
        `Difference for the rest of the term (excl. tax): ${difference}`,
        `Price per term after the change (excl. tax): ${term}`,
      ];
      return {
        subject: `[${store.name}] Change ${effective === null ? 'application received' : 'accepted'} (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\n${lead}\n\n${lines.join('\n')}\n\nYou can withdraw the application on My Page until the day before it takes effect.`,
        html: html`<p>Dear ${p.name},</p><p>${lead}</p><p>${lines.map((l, i) => html`${i > 0 ? html`<br>` : ''}${l}`)}</p><p>You can withdraw the application on My Page until the day before it takes effect.</p>`,
      };
    }
    const lead =
      effective === null
        ? `契約変更のお申し込みを受け付けました。ご希望の変更日（${desired}）は受付期限を過ぎているため、確認のうえ変更日をご連絡いたします。`
        : `契約変更のお申し込みを受け付けました。${effective}より変更後の内容でご利用いただけます。`;
    const lines = [
      `契約番号: ${p.contractNumber}`,
      `商品: ${p.productName}`,
      ...p.summary,
      `ご希望の変更日: ${desired}`,
      `変更日: ${effective ?? '確認中'}`,
      ...(p.reason ? [`変更日についてのご案内: ${p.reason}`] : []),
      `今期の差額（税抜）: ${difference}`,
      `変更後のご利用料金（1契約期間・税抜）: ${term}`,
    ];
    return {
      subject: `【${store.name}】契約変更受付のお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\n${lead}\n\n${lines.join('\n')}\n\n変更日の前日までは、マイページからお申し込みを取り消せます。`,
      html: html`<p>${p.name} 様</p><p>${lead}</p><p>${lines.map((l, i) => html`${i > 0 ? html`<br>` : ''}${l}`)}</p><p>変更日の前日までは、マイページからお申し込みを取り消せます。</p>`,
    };
  },
});
