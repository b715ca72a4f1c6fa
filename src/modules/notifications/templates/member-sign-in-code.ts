// The mail carrying a member's one-time sign-in code, the second factor of every sign-in.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberSignInCodeTemplate = defineMailTemplate({
  name: 'member-sign-in-code',
  carriesSecret: true,
  payload: z.object({
    name: z.string().min(1),
    code: z.string().regex(/^[0-9]{6}$/),
    validMinutes: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your sign-in code`,
        text: `Dear ${payload.name},\n\nYour sign-in code is: ${payload.code}\nIt is valid for ${payload.validMinutes} minutes.\n\nIf you did not try to sign in, someone may know your password: please change it.`,
        html: html`<p>Dear ${payload.name},</p><p>Your sign-in code is: <strong>${payload.code}</strong><br>It is valid for ${payload.validMinutes} minutes.</p><p>If you did not try to sign in, someone may know your password: please change it.</p>`,
      };
    }
    return {
      subject: `【${store.name}】ログイン確認コード`,
      text: `${payload.name} 様\n\nログイン確認コード: ${payload.code}\n有効期限は${payload.validMinutes}分です。\n\nお心当たりのないログインの場合、パスワードが第三者に知られている可能性があります。パスワードを変更してください。`,
      html: html`<p>${payload.name} 様</p><p>ログイン確認コード: <strong>${payload.code}</strong><br>有効期限は${payload.validMinutes}分です。</p><p>お心当たりのないログインの場合、パスワードが第三者に知られている可能性があります。パスワードを変更してください。</p>`,
    };
  },
});
