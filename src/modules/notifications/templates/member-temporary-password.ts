// The second of the two password-reset mails: the temporary password, useless without the link of the first.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberTemporaryPasswordTemplate = defineMailTemplate({
  name: 'member-temporary-password',
  carriesSecret: true,
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    temporaryPassword: z.string().min(12),
    validMinutes: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Password reset (2 of 2): your temporary password`,
        text: `Dear ${payload.name},\n\nYour temporary password for login ID ${payload.loginId} is: ${payload.temporaryPassword}\nEnter it on the page the link in the other mail opens, within ${payload.validMinutes} minutes. You cannot sign in with it.\n\nIf you did not ask for a password reset, please ignore this mail.`,
        html: html`<p>Dear ${payload.name},</p><p>Your temporary password for login ID ${payload.loginId} is: <strong>${payload.temporaryPassword}</strong><br>Enter it on the page the link in the other mail opens, within ${payload.validMinutes} minutes. You cannot sign in with it.</p><p>If you did not ask for a password reset, please ignore this mail.</p>`,
      };
    }
    return {
      subject: `【${store.name}】パスワード再設定（2/2）：仮パスワード`,
      text: `${payload.name} 様\n\nログインID ${payload.loginId} の仮パスワード: ${payload.temporaryPassword}\n別のメールのリンクから開いたページで、${payload.validMinutes}分以内に入力してください。仮パスワードではログインできません。\n\nお心当たりのない場合は、このメールを破棄してください。`,
      html: html`<p>${payload.name} 様</p><p>ログインID ${payload.loginId} の仮パスワード: <strong>${payload.temporaryPassword}</strong><br>別のメールのリンクから開いたページで、${payload.validMinutes}分以内に入力してください。仮パスワードではログインできません。</p><p>お心当たりのない場合は、このメールを破棄してください。</p>`,
    };
  },
});
