// The mail to a member's new address: a single-use link, valid for 24 hours, that makes it the contact address.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberEmailChangeConfirmationTemplate = defineMailTemplate({
  name: 'member-email-change-confirmation',
  carriesSecret: true,
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    token: z.string().min(20),
    validHours: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    const link = `${store.publicUrl}/mypage/email-change/confirm?token=${encodeURIComponent(payload.token)}`;
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Please confirm your new email address`,
        text: `Dear ${payload.name},\n\nYou asked to use this address for your ${store.name} membership (login ID: ${payload.loginId}).\nSign in and open the link below within ${payload.validHours} hours to make the change. The link works once.\n\n${link}\n\nIf you did not ask for this, please ignore this mail; nothing changes.`,
        html: html`<p>Dear ${payload.name},</p><p>You asked to use this address for your ${store.name} membership (login ID: ${payload.loginId}).<br>Sign in and open the link below within ${payload.validHours} hours to make the change. The link works once.</p><p><a href="${link}">${link}</a></p><p>If you did not ask for this, please ignore this mail; nothing changes.</p>`,
      };
    }
    return {
      subject: `【${store.name}】新しいメールアドレスの確認のお願い`,
      text: `${payload.name} 様\n\n${store.name} の会員情報（ログインID: ${payload.loginId}）のメールアドレスを、このアドレスに変更するお申し込みを受け付けました。\nログインしたうえで、${payload.validHours}時間以内に下記のリンクを開くと変更が完了します。リンクは1回だけ使えます。\n\n${link}\n\nお心当たりのない場合は、このメールを破棄してください。変更は行われません。`,
      html: html`<p>${payload.name} 様</p><p>${store.name} の会員情報（ログインID: ${payload.loginId}）のメールアドレスを、このアドレスに変更するお申し込みを受け付けました。<br>ログインしたうえで、${payload.validHours}時間以内に下記のリンクを開くと変更が完了します。リンクは1回だけ使えます。</p><p><a href="${link}">${link}</a></p><p>お心当たりのない場合は、このメールを破棄してください。変更は行われません。</p>`,
    };
  },
});
