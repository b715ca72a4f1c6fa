// The store's answer to an inquiry; members are also pointed to the conversation on My Page.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const inquiryReplyTemplate = defineMailTemplate({
  name: 'inquiry-reply',
  payload: z.object({
    name: z.string().min(1),
    number: z.string().regex(/^Q[0-9]{4}-[0-9]{6}$/),
    subject: z.string().min(1),
    reply: z.string().min(1),
    /** Present for members: the inquiry's page on My Page. */
    inquiryId: z.string().nullable(),
  }),
  render(locale, payload, store) {
    const link = payload.inquiryId ? `${store.publicUrl}/mypage/inquiries/${payload.inquiryId}` : null;
    if (locale === 'en') {
      const next = link
        ? `You can read the whole conversation and write back on My Page:\n${link}`
        : 'If you have further questions, please send a new inquiry and quote the inquiry number.';
      return {
        subject: `[${store.name}] Reply to your inquiry (${payload.number})`,
        text: `Dear ${payload.name},\n\nThis is our reply to your inquiry ${payload.number} "${payload.subject}".\n\n${payload.reply}\n\n${next}`,
        html: html`<p>Dear ${payload.name},</p><p>This is our reply to your inquiry ${payload.number} "${payload.subject}".</p><div style="white-space: pre-wrap;">${payload.reply}</div><p>${link ? html`You can read the whole conversation and write back on <a href="${link}">My Page</a>.` : next}</p>`,
      };
    }
    const next = link
      ? `これまでのやり取りの確認やご返信は、マイページからどうぞ。\n${link}`
      : 'さらにご不明な点がございましたら、お問い合わせ番号を添えて改めてお問い合わせください。';
    return {
      subject: `【${store.name}】お問い合わせへのご回答（${payload.number}）`,
      text: `${payload.name} 様\n\nお問い合わせ ${payload.number}「${payload.subject}」について、ご回答いたします。\n\n${payload.reply}\n\n${next}`,
      html: html`<p>${payload.name} 様</p><p>お問い合わせ ${payload.number}「${payload.subject}」について、ご回答いたします。</p><div style="white-space: pre-wrap;">${payload.reply}</div><p>${link ? html`これまでのやり取りの確認やご返信は、<a href="${link}">マイページ</a>からどうぞ。` : next}</p>`,
    };
  },
});
