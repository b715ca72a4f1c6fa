// The mail an operator receives when their admin login ID is locked after repeated failed sign-ins.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const operatorLoginLockedTemplate = defineMailTemplate({
  name: 'operator-login-locked',
  payload: z.object({
    displayName: z.string().min(1),
    loginId: z.string().min(1),
    mode: z.enum(['auto', 'operator']),
    minutes: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    if (locale === 'en') {
      const how =
        payload.mode === 'auto'
          ? `The lock lifts by itself after ${payload.minutes} minutes.`
          : 'An operator with the owner role can unlock it after confirming it is you.';
      return {
        subject: `[${store.name}] Your admin login ID has been locked`,
        text: `${payload.displayName},\n\nYour admin console login ID ${payload.loginId} has been locked because of repeated failed sign-ins.\n${how}\n\nIf these attempts were not yours, someone may be trying to sign in as you: tell the store owner at once.`,
        html: html`<p>${payload.displayName},</p><p>Your admin console login ID ${payload.loginId} has been locked because of repeated failed sign-ins.<br>${how}</p><p>If these attempts were not yours, someone may be trying to sign in as you: tell the store owner at once.</p>`,
      };
    }
    const how =
      payload.mode === 'auto'
        ? `ロックは${payload.minutes}分後に自動で解除されます。`
        : '解除は、本人確認のうえオーナー権限の管理者が行います。';
    return {
      subject: `【${store.name}】管理画面のログインIDがロックされました`,
      text: `${payload.displayName} さん\n\nログインに続けて失敗したため、管理画面のログインID ${payload.loginId} をロックしました。\n${how}\n\nお心当たりのない場合、第三者がログインを試みている可能性があります。すぐにストアのオーナーに連絡してください。`,
      html: html`<p>${payload.displayName} さん</p><p>ログインに続けて失敗したため、管理画面のログインID ${payload.loginId} をロックしました。<br>${how}</p><p>お心当たりのない場合、第三者がログインを試みている可能性があります。すぐにストアのオーナーに連絡してください。</p>`,
    };
  },
});
