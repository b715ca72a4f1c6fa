// The mail a member receives when their login ID is locked after repeated failed sign-ins.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberLoginLockedTemplate = defineMailTemplate({
  name: 'member-login-locked',
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    mode: z.enum(['auto', 'operator']),
    minutes: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    // The unlock category is preselected, so the operator sees at once what the member asks for.
    const form = `${store.publicUrl}/inquiry?category=unlock`;
    if (locale === 'en') {
      const how =
        payload.mode === 'auto'
          ? `The lock lifts by itself after ${payload.minutes} minutes; please try again then.`
          : `To have it unlocked, please contact us via the inquiry form:\n${form}`;
      const howHtml =
        payload.mode === 'auto'
          ? how
          : html`To have it unlocked, please contact us via the <a href="${form}">inquiry form</a>.`;
      return {
        subject: `[${store.name}] Your login ID has been locked`,
        text: `Dear ${payload.name},\n\nYour login ID ${payload.loginId} has been locked because of repeated failed sign-ins.\n${how}\n\nIf these attempts were not yours, someone may be trying to sign in as you. Once you are signed in again, please change your password.`,
        html: html`<p>Dear ${payload.name},</p><p>Your login ID ${payload.loginId} has been locked because of repeated failed sign-ins.<br>${howHtml}</p><p>If these attempts were not yours, someone may be trying to sign in as you. Once you are signed in again, please change your password.</p>`,
      };
    }
    const how =
      payload.mode === 'auto'
        ? `ロックは${payload.minutes}分後に自動で解除されます。時間をおいてから、もう一度お試しください。`
        : `解除をご希望の場合は、お問い合わせフォームからご連絡ください。\n${form}`;
    const howHtml =
      payload.mode === 'auto'
        ? how
        : html`解除をご希望の場合は、<a href="${form}">お問い合わせフォーム</a>からご連絡ください。`;
    return {
      subject: `【${store.name}】ログインIDがロックされました`,
      text: `${payload.name} 様\n\nログインに続けて失敗したため、ログインID ${payload.loginId} をロックしました。\n${how}\n\nお心当たりのない場合、第三者がログインを試みている可能性があります。ログインできるようになりましたら、パスワードを変更してください。`,
      html: html`<p>${payload.name} 様</p><p>ログインに続けて失敗したため、ログインID ${payload.loginId} をロックしました。<br>${howHtml}</p><p>お心当たりのない場合、第三者がログインを試みている可能性があります。ログインできるようになりましたら、パスワードを変更してください。</p>`,
    };
  },
});
