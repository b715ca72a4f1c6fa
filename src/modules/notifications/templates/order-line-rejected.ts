// The mail telling a member that one product of an order cannot be provided, with the reason given.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const orderLineRejectedTemplate = defineMailTemplate({
  name: 'order-line-rejected',
  payload: z.object({
    name: z.string().min(1),
    orderNumber: z.string().min(1),
    productName: z.string().min(1),
    providerName: z.string().min(1),
    reason: z.string().min(1),
  }),
  render(locale, p, store) {
    const inquiry = `${store.publicUrl}/inquiry?category=other`;
    if (locale === 'en') {
      return {
        subject: `[${store.name}] We cannot provide your order ${p.orderNumber}`,
        text: `Dear ${p.name},\n\nWe are sorry: the following service of your order cannot be provided.\n\nOrder number: ${p.orderNumber}\nProduct: ${p.productName}\nProvider: ${p.providerName}\nReason: ${p.reason}\n\nNo contract starts for it. If you have questions, please contact us via the inquiry form:\n${inquiry}`,
        html: html`<p>Dear ${p.name},</p><p>We are sorry: the following service of your order cannot be provided.</p><p>Order number: ${p.orderNumber}<br>Product: ${p.productName}<br>Provider: ${p.providerName}</p><blockquote>${p.reason}</blockquote><p>No contract starts for it. If you have questions, please contact us via the inquiry form:<br><a href="${inquiry}">${inquiry}</a></p>`,
      };
    }
    return {
      subject: `【${store.name}】お申し込みのサービスをご提供できないことのお知らせ（注文番号 ${p.orderNumber}）`,
      text: `${p.name} 様\n\n誠に恐れ入りますが、ご注文のうち次のサービスはご提供できないこととなりました。\n\n注文番号: ${p.orderNumber}\n商品: ${p.productName}\n提供元: ${p.providerName}\n理由: ${p.reason}\n\nこのサービスの契約は開始されません。ご不明な点は、お問い合わせフォームからご連絡ください。\n${inquiry}`,
      html: html`<p>${p.name} 様</p><p>誠に恐れ入りますが、ご注文のうち次のサービスはご提供できないこととなりました。</p><p>注文番号: ${p.orderNumber}<br>商品: ${p.productName}<br>提供元: ${p.providerName}</p><blockquote>${p.reason}</blockquote><p>このサービスの契約は開始されません。ご不明な点は、お問い合わせフォームからご連絡ください。<br><a href="${inquiry}">${inquiry}</a></p>`,
    };
  },
});
