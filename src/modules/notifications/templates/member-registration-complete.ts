// The mail telling a member that registration is complete and they can sign in (at once, or after an operator's review).
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberRegistrationCompleteTemplate = defineMailTemplate({
  name: 'member-registration-complete',
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
  }),
  render(locale, payload, store) {
    const link = `${store.publicUrl}/login`;
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your registration is complete`,
        text: `Dear ${payload.name},\n\nYour registration with ${store.name} is complete. You can now sign in with your login ID ${payload.loginId} and your password; a code is sent to you at every sign-in.\n\n${link}`,
        html: html`<p>Dear ${payload.name},</p><p>Your registration with ${store.name} is complete. You can now sign in with your login ID ${payload.loginId} and your password; a code is sent to you at every sign-in.</p><p><a href="${link}">${link}</a></p>`,
      };
    }
    return {
      subject: `【${store.name}】会員登録完了のお知らせ`,
      text: `${payload.name} 様\n\n${store.name} への会員登録が完了しました。ログインID ${payload.loginId} とパスワードでログインしてください。ログインのたびに確認コードをお送りします。\n\n${link}`,
      html: html`<p>${payload.name} 様</p><p>${store.name} への会員登録が完了しました。ログインID ${payload.loginId} とパスワードでログインしてください。ログインのたびに確認コードをお送りします。</p><p><a href="${link}">${link}</a></p>`,
    };
  },
});
