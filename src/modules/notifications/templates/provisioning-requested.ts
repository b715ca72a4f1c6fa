// The mail to a provider's contact addresses: a new order line to prepare, with only the fields the member agreed to share.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const provisioningRequestedTemplate = defineMailTemplate({
  name: 'provisioning-requested',
  payload: z.object({
    providerName: z.string().min(1),
    requestId: z.string().min(1),
    orderNumber: z.string().min(1),
    productName: z.string().min(1),
    plan: z.string().min(1),
    term: z.string().min(1),
    quantity: z.number().int().positive(),
    options: z.array(z.object({ code: z.string(), quantity: z.number().int().optional() })),
    trialDays: z.number().int().nullable(),
    /** Label and value of each order field, in the product's order. */
    orderFields: z.array(z.object({ label: z.string(), value: z.string() })),
    /** Label and value of each shared contact field. */
    contact: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
  render(locale, p, store) {
    const ja = locale !== 'en';
    const options =
      p.options.length === 0
        ? ja
          ? 'なし'
          : 'none'
        : p.options.map((o) => (o.quantity === undefined ? o.code : `${o.code} × ${o.quantity}`)).join(', ');
    const trial =
      p.trialDays === null ? (ja ? 'なし' : 'no') : ja ? `${p.trialDays}日間` : `${p.trialDays} days`;
    const rows: [string, string][] = [
      [ja ? '依頼ID' : 'Request ID', p.requestId],
      [ja ? '注文番号' : 'Order number', p.orderNumber],
      [ja ? '商品' : 'Product', p.productName],
      [ja ? 'プラン' : 'Plan', p.plan],
      [ja ? '契約期間' : 'Term', p.term],
      [ja ? '数量' : 'Quantity', String(p.quantity)],
      [ja ? 'オプション' : 'Options', options],
      [ja ? '無料トライアル' : 'Free trial', trial],
      ...p.orderFields.map((f): [string, string] => [f.label, f.value]),
      ...p.contact.map((f): [string, string] => [f.label, f.value]),
    ];
    const text = rows.map(([k, v]) => `${k}: ${v}`).join('\n');
    const table = rows.map(([k, v]) => html`${k}: ${v}<br>`);
    if (!ja) {
      return {
        subject: `[${store.name}] Provisioning request: order ${p.orderNumber}`,
        text: `To ${p.providerName},\n\nA member ordered the following service. Please prepare it and report the service start date through the provider API or to the store.\n\n${text}`,
        html: html`<p>To ${p.providerName},</p><p>A member ordered the following service. Please prepare it and report the service start date through the provider API or to the store.</p><p>${table}</p>`,
      };
    }
    return {
      subject: `【${store.name}】サービス提供依頼（注文番号 ${p.orderNumber}）`,
      text: `${p.providerName} ご担当者様\n\n次のサービスのお申し込みがありました。ご準備のうえ、提供開始日を提供元APIまたは当ストアまでお知らせください。\n\n${text}`,
      html: html`<p>${p.providerName} ご担当者様</p><p>次のサービスのお申し込みがありました。ご準備のうえ、提供開始日を提供元APIまたは当ストアまでお知らせください。</p><p>${table}</p>`,
    };
  },
});
