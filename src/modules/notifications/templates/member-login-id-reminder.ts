// The mail listing every login ID registered to an address, for a member who forgot theirs.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberLoginIdReminderTemplate = defineMailTemplate({
  name: 'member-login-id-reminder',
  payload: z.object({
    name: z.string().min(1),
    loginIds: z.array(z.string().min(1)).min(1),
  }),
  render(locale, payload, store) {
    const lines = payload.loginIds.map((id) => `・${id}`).join('\n');
    const items = payload.loginIds.map((id) => html`<li>${id}</li>`);
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your login IDs`,
        text: `Dear ${payload.name},\n\nThese login IDs are registered with this email address:\n${lines}\n\nIf you did not ask for this mail, please ignore it.`,
        html: html`<p>Dear ${payload.name},</p><p>These login IDs are registered with this email address:</p><ul>${items}</ul><p>If you did not ask for this mail, please ignore it.</p>`,
      };
    }
    return {
      subject: `【${store.name}】ログインIDのお知らせ`,
      text: `${payload.name} 様\n\nこのメールアドレスで登録されているログインIDは次のとおりです。\n${lines}\n\nお心当たりのない場合は、このメールを破棄してください。`,
      html: html`<p>${payload.name} 様</p><p>このメールアドレスで登録されているログインIDは次のとおりです。</p><ul>${items}</ul><p>お心当たりのない場合は、このメールを破棄してください。</p>`,
    };
  },
});
