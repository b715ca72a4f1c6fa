// The reminder before an unpaid invoice's due date: number, amount, due date and payment method.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

export const invoiceDueReminderTemplate = defineMailTemplate({
  name: 'invoice-due-reminder',
  payload: z.object({
    name: z.string(),
    invoiceNumber: z.string().min(1),
    total: z.number().int(),
    dueDate: z.iso.date(),
    paymentMethod: z.string().min(1),
  }),
  render(locale, p, store) {
    const due = formatBusinessDate(locale, p.dueDate);
    const url = `${store.publicUrl.replace(/\/$/, '')}/mypage/invoices`;
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Payment due on ${due} (invoice ${p.invoiceNumber})`,
        text: `Dear ${p.name},\n\nThe payment of your invoice is due on ${due}.\n\nInvoice number: ${p.invoiceNumber}\nAmount (tax incl.): ${yen(p.total)}\nPayment method: ${p.paymentMethod}\n\nIf you have already paid, please disregard this mail. My Page: ${url}`,
        html: html`<p>Dear ${p.name},</p><p>The payment of your invoice is due on ${due}.</p><p>Invoice number: ${p.invoiceNumber}<br>Amount (tax incl.): ${yen(p.total)}<br>Payment method: ${p.paymentMethod}</p><p>If you have already paid, please disregard this mail. <a href="${url}">My Page</a></p>`,
      };
    }
    return {
      subject: `【${store.name}】お支払い期日のご案内（${due}・${p.invoiceNumber}）`,
      text: `${p.name} 様\n\nご請求のお支払い期日は${due}です。\n\n請求書番号: ${p.invoiceNumber}\nご請求額（税込）: ${yen(p.total)}\nお支払い方法: ${p.paymentMethod}\n\nすでにお支払い済みの場合は、行き違いですのでご容赦ください。マイページ: ${url}`,
      html: html`<p>${p.name} 様</p><p>ご請求のお支払い期日は${due}です。</p><p>請求書番号: ${p.invoiceNumber}<br>ご請求額（税込）: ${yen(p.total)}<br>お支払い方法: ${p.paymentMethod}</p><p>すでにお支払い済みの場合は、行き違いですのでご容赦ください。<a href="${url}">マイページ</a></p>`,
    };
  },
});
