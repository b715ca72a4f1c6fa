// The invoice-issued mail (請求書発行のお知らせ): the month, number, amount, due date and payment method, and where to see it.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

export const invoiceIssuedTemplate = defineMailTemplate({
  name: 'invoice-issued',
  payload: z.object({
    name: z.string(),
    invoiceNumber: z.string().min(1),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    total: z.number().int(),
    dueDate: z.iso.date().nullable(),
    paymentMethod: z.string().min(1),
  }),
  render(locale, p, store) {
    const [y, m] = p.month.split('-').map(Number) as [number, number];
    const due = p.dueDate === null ? null : formatBusinessDate(locale, p.dueDate);
    const url = `${store.publicUrl.replace(/\/$/, '')}/mypage/invoices`;
    if (locale === 'en') {
      const month = formatBusinessDate('en', `${p.month}-01`).replace(/^1 /, '');
      const dueLine = due === null ? 'Due date: none (nothing to pay)' : `Due date: ${due}`;
      return {
        subject: `[${store.name}] Your invoice for ${month} (${p.invoiceNumber})`,
        text: `Dear ${p.name},\n\nYour invoice for ${month} has been issued.\n\nInvoice number: ${p.invoiceNumber}\nAmount (tax incl.): ${yen(p.total)}\n${dueLine}\nPayment method: ${p.paymentMethod}\n\nSee it and download the PDF on My Page: ${url}`,
        html: html`<p>Dear ${p.name},</p><p>Your invoice for ${month} has been issued.</p><p>Invoice number: ${p.invoiceNumber}<br>Amount (tax incl.): ${yen(p.total)}<br>${dueLine}<br>Payment method: ${p.paymentMethod}</p><p>See it and download the PDF on <a href="${url}">My Page</a>.</p>`,
      };
    }
    const dueLine = due === null ? 'お支払い期日: なし（お支払いはありません）' : `お支払い期日: ${due}`;
    return {
      subject: `【${store.name}】請求書発行のお知らせ（${y}年${m}月分・${p.invoiceNumber}）`,
      text: `${p.name} 様\n\n${y}年${m}月分の請求書を発行しました。\n\n請求書番号: ${p.invoiceNumber}\nご請求額（税込）: ${yen(p.total)}\n${dueLine}\nお支払い方法: ${p.paymentMethod}\n\nマイページで内容の確認と請求書（PDF）のダウンロードができます: ${url}`,
      html: html`<p>${p.name} 様</p><p>${y}年${m}月分の請求書を発行しました。</p><p>請求書番号: ${p.invoiceNumber}<br>ご請求額（税込）: ${yen(p.total)}<br>${dueLine}<br>お支払い方法: ${p.paymentMethod}</p><p><a href="${url}">マイページ</a>で内容の確認と請求書（PDF）のダウンロードができます。</p>`,
    };
  },
});
