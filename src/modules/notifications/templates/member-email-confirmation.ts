// The mail a new member receives to confirm their address: a single-use link valid for 24 hours.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberEmailConfirmationTemplate = defineMailTemplate({
  name: 'member-email-confirmation',
  carriesSecret: true,
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    token: z.string().min(20),
    validHours: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    const link = `${store.publicUrl}/register/confirm?token=${encodeURIComponent(payload.token)}`;
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Please confirm your email address`,
        text: `Dear ${payload.name},\n\nThank you for registering with ${store.name} (login ID: ${payload.loginId}).\nPlease open the link below within ${payload.validHours} hours to confirm your email address. The link works once.\n\n${link}\n\nIf you did not register, please ignore this mail.`,
        html: html`<p>Dear ${payload.name},</p><p>Thank you for registering with ${store.name} (login ID: ${payload.loginId}).<br>Please open the link below within ${payload.validHours} hours to confirm your email address. The link works once.</p><p><a href="${link}">${link}</a></p><p>If you did not register, please ignore this mail.</p>`,
      };
    }
    return {
      subject: `【${store.name}】メールアドレスの確認のお願い`,
      text: `${payload.name} 様\n\n${store.name} への会員登録ありがとうございます（ログインID: ${payload.loginId}）。\n${payload.validHours}時間以内に下記のリンクを開いて、メールアドレスの確認を完了してください。リンクは1回だけ使えます。\n\n${link}\n\nお心当たりのない場合は、このメールを破棄してください。`,
      html: html`<p>${payload.name} 様</p><p>${store.name} への会員登録ありがとうございます（ログインID: ${payload.loginId}）。<br>${payload.validHours}時間以内に下記のリンクを開いて、メールアドレスの確認を完了してください。リンクは1回だけ使えます。</p><p><a href="${link}">${link}</a></p><p>お心当たりのない場合は、このメールを破棄してください。</p>`,
    };
  },
});
