// The mail confirming that the service start date of one product of an order was changed (on the member's request).
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const orderStartDateChangedTemplate = defineMailTemplate({
  name: 'order-start-date-changed',
  payload: z.object({
    name: z.string().min(1),
    orderNumber: z.string().min(1),
    productName: z.string().min(1),
    previousDate: z.iso.date(),
    serviceStartDate: z.iso.date(),
  }),
  render(locale, p, store) {
    const before = formatBusinessDate(locale, p.previousDate);
    const date = formatBusinessDate(locale, p.serviceStartDate);
    if (locale === 'en') {
      return {
        subject: `[${store.name}] New service start date: ${date} (order ${p.orderNumber})`,
        text: `Dear ${p.name},\n\nAs you asked, the service start date was changed.\n\nOrder number: ${p.orderNumber}\nProduct: ${p.productName}\nService start date: ${date} (was ${before})`,
        html: html`<p>Dear ${p.name},</p><p>As you asked, the service start date was changed.</p><p>Order number: ${p.orderNumber}<br>Product: ${p.productName}<br>Service start date: ${date} (was ${before})</p>`,
      };
    }
    return {
      subject: `【${store.name}】提供開始日変更のお知らせ（注文番号 ${p.orderNumber}）`,
      text: `${p.name} 様\n\nご依頼により、サービスの提供開始日を変更いたしました。\n\n注文番号: ${p.orderNumber}\n商品: ${p.productName}\n提供開始日: ${date}（変更前: ${before}）`,
      html: html`<p>${p.name} 様</p><p>ご依頼により、サービスの提供開始日を変更いたしました。</p><p>注文番号: ${p.orderNumber}<br>商品: ${p.productName}<br>提供開始日: ${date}（変更前: ${before}）</p>`,
    };
  },
});
