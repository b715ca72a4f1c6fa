// The mail carrying an operator's one-time sign-in code for the admin console, when no authenticator app is set up.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const operatorSignInCodeTemplate = defineMailTemplate({
  name: 'operator-sign-in-code',
  carriesSecret: true,
  payload: z.object({
    displayName: z.string().min(1),
    code: z.string().regex(/^[0-9]{6}$/),
    validMinutes: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Admin console sign-in code`,
        text: `${payload.displayName},\n\nYour admin console sign-in code is: ${payload.code}\nIt is valid for ${payload.validMinutes} minutes.\n\nIf you did not try to sign in, someone may know your operator password: tell the store owner at once.`,
        html: html`<p>${payload.displayName},</p><p>Your admin console sign-in code is: <strong>${payload.code}</strong><br>It is valid for ${payload.validMinutes} minutes.</p><p>If you did not try to sign in, someone may know your operator password: tell the store owner at once.</p>`,
      };
    }
    return {
      subject: `【${store.name}】管理画面ログイン確認コード`,
      text: `${payload.displayName} さん\n\n管理画面のログイン確認コード: ${payload.code}\n有効期限は${payload.validMinutes}分です。\n\nお心当たりのないログインの場合、管理者パスワードが第三者に知られている可能性があります。すぐにストアのオーナーに連絡してください。`,
      html: html`<p>${payload.displayName} さん</p><p>管理画面のログイン確認コード: <strong>${payload.code}</strong><br>有効期限は${payload.validMinutes}分です。</p><p>お心当たりのないログインの場合、管理者パスワードが第三者に知られている可能性があります。すぐにストアのオーナーに連絡してください。</p>`,
    };
  },
});
