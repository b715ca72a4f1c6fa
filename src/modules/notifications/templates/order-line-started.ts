// The "service start" mail: the provider or the store confirmed the start date of one product of an order.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const orderLineStartedTemplate = defineMailTemplate({
  name: 'order-line-started',
  payload: z.object({
    name: z.string().min(1),
    orderNumber: z.string().min(1),
    productName: z.string().min(1),
    providerName: z.string().min(1),
    serviceStartDate: z.iso.date(),
  }),
  render(locale, p, store) {
    const date = formatBusinessDate(locale, p.serviceStartDate);
    const orders = `${store.publicUrl}/mypage/orders`;
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your service starts on ${date} (order ${p.orderNumber})`,
        text: `Dear ${p.name},\n\nThe service you ordered is ready.\n\nOrder number: ${p.orderNumber}\nProduct: ${p.productName}\nProvider: ${p.providerName}\nService start date: ${date}\n\nYou can see the order on My Page:\n${orders}`,
        html: html`<p>Dear ${p.name},</p><p>The service you ordered is ready.</p><p>Order number: ${p.orderNumber}<br>Product: ${p.productName}<br>Provider: ${p.providerName}<br>Service start date: ${date}</p><p>You can see the order on My Page:<br><a href="${orders}">${orders}</a></p>`,
      };
    }
    return {
      subject: `【${store.name}】サービス提供開始のお知らせ（注文番号 ${p.orderNumber}）`,
      text: `${p.name} 様\n\nお申し込みいただいたサービスの提供開始日が決まりましたので、お知らせいたします。\n\n注文番号: ${p.orderNumber}\n商品: ${p.productName}\n提供元: ${p.providerName}\n提供開始日: ${date}\n\nご注文の内容はマイページでご確認いただけます。\n${orders}`,
      html: html`<p>${p.name} 様</p><p>お申し込みいただいたサービスの提供開始日が決まりましたので、お知らせいたします。</p><p>注文番号: ${p.orderNumber}<br>商品: ${p.productName}<br>提供元: ${p.providerName}<br>提供開始日: ${date}</p><p>ご注文の内容はマイページでご確認いただけます。<br><a href="${orders}">${orders}</a></p>`,
    };
  },
});
