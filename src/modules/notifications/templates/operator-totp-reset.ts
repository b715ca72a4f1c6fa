// The mail an operator receives when an owner has removed their authenticator app, so sign-in codes come by mail again.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const operatorTotpResetTemplate = defineMailTemplate({
  name: 'operator-totp-reset',
  payload: z.object({ displayName: z.string().min(1), loginId: z.string().min(1) }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your authenticator app has been removed`,
        text: `${payload.displayName},\n\nAn owner has removed the authenticator app of admin login ID ${payload.loginId}. Sign-in codes now come to this address by mail; you can set up an app again under Security in the admin console.\n\nIf you did not ask for this, tell the store owner at once.`,
        html: html`<p>${payload.displayName},</p><p>An owner has removed the authenticator app of admin login ID ${payload.loginId}. Sign-in codes now come to this address by mail; you can set up an app again under Security in the admin console.</p><p>If you did not ask for this, tell the store owner at once.</p>`,
      };
    }
    return {
      subject: `【${store.name}】認証アプリの登録を解除しました`,
      text: `${payload.displayName} さん\n\nオーナーが管理画面のログインID ${payload.loginId} の認証アプリの登録を解除しました。今後の確認コードはこのアドレスへメールでお送りします。管理画面の「セキュリティ」から認証アプリを登録し直せます。\n\nお心当たりのない場合は、すぐにストアのオーナーに連絡してください。`,
      html: html`<p>${payload.displayName} さん</p><p>オーナーが管理画面のログインID ${payload.loginId} の認証アプリの登録を解除しました。今後の確認コードはこのアドレスへメールでお送りします。管理画面の「セキュリティ」から認証アプリを登録し直せます。</p><p>お心当たりのない場合は、すぐにストアのオーナーに連絡してください。</p>`,
    };
  },
});
