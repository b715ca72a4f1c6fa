// The mail telling a member their password was changed, so a change they did not make does not go unnoticed.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberPasswordChangedTemplate = defineMailTemplate({
  name: 'member-password-changed',
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    via: z.enum(['mypage', 'reset']),
  }),
  render(locale, payload, store) {
    const form = `${store.publicUrl}/inquiry?category=other`;
    if (locale === 'en') {
      const how = payload.via === 'reset' ? 'through a password reset' : 'on My Page';
      return {
        subject: `[${store.name}] Your password has been changed`,
        text: `Dear ${payload.name},\n\nThe password of login ID ${payload.loginId} was changed ${how}. Every other signed-in browser has been signed out.\n\nIf you did not change it, please contact us at once via the inquiry form:\n${form}`,
        html: html`<p>Dear ${payload.name},</p><p>The password of login ID ${payload.loginId} was changed ${how}. Every other signed-in browser has been signed out.</p><p>If you did not change it, please contact us at once via the <a href="${form}">inquiry form</a>.</p>`,
      };
    }
    const how = payload.via === 'reset' ? 'パスワード再設定の手続きにより' : 'マイページで';
    return {
      subject: `【${store.name}】パスワードが変更されました`,
      text: `${payload.name} 様\n\nログインID ${payload.loginId} のパスワードが${how}変更されました。ほかの端末・ブラウザーのログインはすべて解除されています。\n\nお心当たりのない場合は、至急お問い合わせフォームからご連絡ください。\n${form}`,
      html: html`<p>${payload.name} 様</p><p>ログインID ${payload.loginId} のパスワードが${how}変更されました。ほかの端末・ブラウザーのログインはすべて解除されています。</p><p>お心当たりのない場合は、至急<a href="${form}">お問い合わせフォーム</a>からご連絡ください。</p>`,
    };
  },
});
