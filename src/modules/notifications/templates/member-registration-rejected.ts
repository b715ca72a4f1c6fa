// The mail telling a person that the store did not accept their registration, with the operator's reason.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberRegistrationRejectedTemplate = defineMailTemplate({
  name: 'member-registration-rejected',
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    reason: z.string().min(1),
  }),
  render(locale, payload, store) {
    const inquiry = `${store.publicUrl}/inquiry?category=other`;
    if (locale === 'en') {
      return {
        subject: `[${store.name}] About your registration`,
        text: `Dear ${payload.name},\n\nThank you for registering with ${store.name} (login ID: ${payload.loginId}). After review we are unable to accept your registration, for the following reason:\n\n${payload.reason}\n\nThe login ID cannot be used to sign in. If you have questions, please contact us via the inquiry form:\n${inquiry}`,
        html: html`<p>Dear ${payload.name},</p><p>Thank you for registering with ${store.name} (login ID: ${payload.loginId}). After review we are unable to accept your registration, for the following reason:</p><blockquote>${payload.reason}</blockquote><p>The login ID cannot be used to sign in. If you have questions, please contact us via the inquiry form:<br><a href="${inquiry}">${inquiry}</a></p>`,
      };
    }
    return {
      subject: `【${store.name}】会員登録についてのお知らせ`,
      text: `${payload.name} 様\n\n${store.name} への会員登録のお申し込み（ログインID: ${payload.loginId}）をいただき、ありがとうございました。審査の結果、誠に恐れ入りますが、次の理由により今回のご登録はお受けできませんでした。\n\n${payload.reason}\n\nこのログインIDではログインできません。ご不明な点は、お問い合わせフォームからご連絡ください。\n${inquiry}`,
      html: html`<p>${payload.name} 様</p><p>${store.name} への会員登録のお申し込み（ログインID: ${payload.loginId}）をいただき、ありがとうございました。審査の結果、誠に恐れ入りますが、次の理由により今回のご登録はお受けできませんでした。</p><blockquote>${payload.reason}</blockquote><p>このログインIDではログインできません。ご不明な点は、お問い合わせフォームからご連絡ください。<br><a href="${inquiry}">${inquiry}</a></p>`,
    };
  },
});
