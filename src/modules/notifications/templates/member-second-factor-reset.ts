// The mail a member receives when an operator has reset their second factor to email codes at the registered address.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberSecondFactorResetTemplate = defineMailTemplate({
  name: 'member-second-factor-reset',
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    email: z.string().min(1),
  }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your second sign-in step has been reset`,
        text: `Dear ${payload.name},\n\nAt your request and after confirming your identity, we have reset the second sign-in step of login ID ${payload.loginId}.\nFrom now on the sign-in code is sent by email to ${payload.email}.\nYour backup codes no longer work, and every browser has been signed out. After signing in, you can issue new backup codes and choose SMS again on My Page.\n\nIf you did not ask for this, please contact us at once.`,
        html: html`<p>Dear ${payload.name},</p><p>At your request and after confirming your identity, we have reset the second sign-in step of login ID ${payload.loginId}.<br>From now on the sign-in code is sent by email to ${payload.email}.<br>Your backup codes no longer work, and every browser has been signed out. After signing in, you can issue new backup codes and choose SMS again on My Page.</p><p>If you did not ask for this, please contact us at once.</p>`,
      };
    }
    return {
      subject: `【${store.name}】2段階認証の設定をリセットしました`,
      text: `${payload.name} 様\n\nご依頼により、ご本人確認のうえ、ログインID ${payload.loginId} の2段階認証の設定をリセットしました。\n今後の確認コードは、メールで ${payload.email} へお送りします。\nバックアップコードは無効になり、すべてのブラウザからログアウトしました。ログイン後、マイページでバックアップコードの再発行やSMSへの変更ができます。\n\nお心当たりのない場合は、至急お問い合わせください。`,
      html: html`<p>${payload.name} 様</p><p>ご依頼により、ご本人確認のうえ、ログインID ${payload.loginId} の2段階認証の設定をリセットしました。<br>今後の確認コードは、メールで ${payload.email} へお送りします。<br>バックアップコードは無効になり、すべてのブラウザからログアウトしました。ログイン後、マイページでバックアップコードの再発行やSMSへの変更ができます。</p><p>お心当たりのない場合は、至急お問い合わせください。</p>`,
    };
  },
});
