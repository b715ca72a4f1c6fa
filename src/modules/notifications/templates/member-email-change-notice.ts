// The notice to a member's current address that a change to another address was requested, so a stolen session is noticed.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberEmailChangeNoticeTemplate = defineMailTemplate({
  name: 'member-email-change-notice',
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    newEmail: z.string().min(3),
  }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] A change of your email address was requested`,
        text: `Dear ${payload.name},\n\nA change of the email address of your ${store.name} membership (login ID: ${payload.loginId}) to ${payload.newEmail} was requested. It takes effect only when the link sent to the new address is opened.\n\nIf you did not ask for this, please change your password and contact us.`,
        html: html`<p>Dear ${payload.name},</p><p>A change of the email address of your ${store.name} membership (login ID: ${payload.loginId}) to ${payload.newEmail} was requested. It takes effect only when the link sent to the new address is opened.</p><p>If you did not ask for this, please change your password and contact us.</p>`,
      };
    }
    return {
      subject: `【${store.name}】メールアドレス変更のお申し込みについて`,
      text: `${payload.name} 様\n\n${store.name} の会員情報（ログインID: ${payload.loginId}）のメールアドレスを ${payload.newEmail} に変更するお申し込みがありました。新しいアドレスに送ったリンクが開かれた時点で変更されます。\n\nお心当たりのない場合は、パスワードを変更のうえ、当ストアまでご連絡ください。`,
      html: html`<p>${payload.name} 様</p><p>${store.name} の会員情報（ログインID: ${payload.loginId}）のメールアドレスを ${payload.newEmail} に変更するお申し込みがありました。新しいアドレスに送ったリンクが開かれた時点で変更されます。</p><p>お心当たりのない場合は、パスワードを変更のうえ、当ストアまでご連絡ください。</p>`,
    };
  },
});
