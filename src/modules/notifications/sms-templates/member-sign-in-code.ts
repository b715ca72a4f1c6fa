// The SMS carrying a member's one-time sign-in code, for members whose second-factor channel is SMS.
import { z } from 'zod';
import { defineSmsTemplate } from './types.js';

export const memberSignInCodeSms = defineSmsTemplate({
  name: 'member-sign-in-code',
  carriesSecret: true,
  payload: z.object({
    code: z.string().regex(/^[0-9]{6}$/),
    validMinutes: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return `[${store.name}] Sign-in code: ${payload.code} (valid for ${payload.validMinutes} minutes)`;
    }
    return `【${store.name}】ログイン確認コード: ${payload.code}（${payload.validMinutes}分間有効）`;
  },
});
