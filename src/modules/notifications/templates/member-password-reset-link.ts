// The first of the two password-reset mails: the single-use link (the temporary password comes separately).
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberPasswordResetLinkTemplate = defineMailTemplate({
  name: 'member-password-reset-link',
  carriesSecret: true,
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    token: z.string().min(20),
    validMinutes: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    const link = `${store.publicUrl}/password-reset?token=${encodeURIComponent(payload.token)}`;
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Password reset (1 of 2): your link`,
        text: `Dear ${payload.name},\n\nWe received a request to reset the password of login ID ${payload.loginId}.\nOpen the link below within ${payload.validMinutes} minutes and enter the temporary password from the second mail together with your new password. The link works once.\n\n${link}\n\nIf you did not ask for this, please ignore this mail: your password stays as it is.`,
        html: html`<p>Dear ${payload.name},</p><p>We received a request to reset the password of login ID ${payload.loginId}.<br>Open the link below within ${payload.validMinutes} minutes and enter the temporary password from the second mail together with your new password. The link works once.</p><p><a href="${link}">${link}</a></p><p>If you did not ask for this, please ignore this mail: your password stays as it is.</p>`,
      };
    }
    return {
      subject: `【${store.name}】パスワード再設定（1/2）：再設定用リンク`,
      text: `${payload.name} 様\n\nログインID ${payload.loginId} のパスワード再設定を受け付けました。\n${payload.validMinutes}分以内に下記のリンクを開き、別のメールでお送りした仮パスワードと新しいパスワードを入力してください。リンクは1回だけ使えます。\n\n${link}\n\nお心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。`,
      html: html`<p>${payload.name} 様</p><p>ログインID ${payload.loginId} のパスワード再設定を受け付けました。<br>${payload.validMinutes}分以内に下記のリンクを開き、別のメールでお送りした仮パスワードと新しいパスワードを入力してください。リンクは1回だけ使えます。</p><p><a href="${link}">${link}</a></p><p>お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。</p>`,
    };
  },
});
