// The receipt for an inquiry: its number and a copy of what the customer wrote.
import { z } from 'zod';
import { categoryLabels, inquiryCategories } from '../../../domain/inquiries.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const inquiryReceivedTemplate = defineMailTemplate({
  name: 'inquiry-received',
  payload: z.object({
    name: z.string().min(1),
    number: z.string().regex(/^Q[0-9]{4}-[0-9]{6}$/),
    category: z.enum(inquiryCategories),
    subject: z.string().min(1),
    message: z.string().min(1),
  }),
  render(locale, payload, store) {
    const category = categoryLabels[locale][payload.category];
    if (locale === 'en') {
      return {
        subject: `[${store.name}] We have received your inquiry (${payload.number})`,
        text: `Dear ${payload.name},\n\nThank you for contacting us. We have received your inquiry and will answer by mail.\nPlease quote the inquiry number when you contact us about it.\n\nInquiry number: ${payload.number}\nCategory: ${category}\nSubject: ${payload.subject}\n\n--- Your message ---\n${payload.message}\n---\n\nIf you did not send this inquiry, please ignore this mail.`,
        html: html`<p>Dear ${payload.name},</p><p>Thank you for contacting us. We have received your inquiry and will answer by mail.<br>Please quote the inquiry number when you contact us about it.</p><p>Inquiry number: <strong>${payload.number}</strong><br>Category: ${category}<br>Subject: ${payload.subject}</p><div style="white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 12px;">${payload.message}</div><p>If you did not send this inquiry, please ignore this mail.</p>`,
      };
    }
    return {
      subject: `【${store.name}】お問い合わせを受け付けました（${payload.number}）`,
      text: `${payload.name} 様\n\nお問い合わせいただきありがとうございます。以下の内容で受け付けました。担当者よりメールでご回答します。\nこの件についてご連絡の際は、お問い合わせ番号をお知らせください。\n\nお問い合わせ番号: ${payload.number}\n種別: ${category}\n件名: ${payload.subject}\n\n--- お問い合わせ内容 ---\n${payload.message}\n---\n\nお心当たりのない場合は、このメールを破棄してください。`,
      html: html`<p>${payload.name} 様</p><p>お問い合わせいただきありがとうございます。以下の内容で受け付けました。担当者よりメールでご回答します。<br>この件についてご連絡の際は、お問い合わせ番号をお知らせください。</p><p>お問い合わせ番号: <strong>${payload.number}</strong><br>種別: ${category}<br>件名: ${payload.subject}</p><div style="white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 12px;">${payload.message}</div><p>お心当たりのない場合は、このメールを破棄してください。</p>`,
    };
  },
});
