// The mail confirming a member's withdrawal (退会), and when their personal data will be anonymised.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const memberWithdrawalCompleteTemplate = defineMailTemplate({
  name: 'member-withdrawal-complete',
  payload: z.object({
    name: z.string().min(1),
    loginId: z.string().min(1),
    /** The Tokyo date of the withdrawal, `YYYY-MM-DD`. */
    withdrawnOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    retentionDays: z.number().int().positive(),
  }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Your withdrawal is complete`,
        text: `Dear ${payload.name},\n\nYour membership of ${store.name} (login ID: ${payload.loginId}) ended on ${payload.withdrawnOn}. You can no longer sign in, and every signed-in browser has been signed out.\n\nWe keep your personal data for ${payload.retentionDays} days and then anonymise it. Invoices and records we must keep by law are kept for the period the law requires.\n\nThank you for using ${store.name}. If you did not ask to withdraw, please contact us at once via the inquiry form.`,
        html: html`<p>Dear ${payload.name},</p><p>Your membership of ${store.name} (login ID: ${payload.loginId}) ended on ${payload.withdrawnOn}. You can no longer sign in, and every signed-in browser has been signed out.</p><p>We keep your personal data for ${payload.retentionDays} days and then anonymise it. Invoices and records we must keep by law are kept for the period the law requires.</p><p>Thank you for using ${store.name}. If you did not ask to withdraw, please contact us at once via the inquiry form.</p>`,
      };
    }
    return {
      subject: `【${store.name}】退会手続き完了のお知らせ`,
      text: `${payload.name} 様\n\n${payload.withdrawnOn} に ${store.name} の退会手続き（ログインID: ${payload.loginId}）が完了しました。今後はログインできません。ログイン中の端末・ブラウザーもすべてログアウトしています。\n\nお客様の個人情報は${payload.retentionDays}日間保管したのち、匿名化します。請求書など法令で保存が義務付けられている記録は、法令の定める期間保存します。\n\nこれまでのご利用、誠にありがとうございました。退会をお申し込みでない場合は、至急お問い合わせフォームからご連絡ください。`,
      html: html`<p>${payload.name} 様</p><p>${payload.withdrawnOn} に ${store.name} の退会手続き（ログインID: ${payload.loginId}）が完了しました。今後はログインできません。ログイン中の端末・ブラウザーもすべてログアウトしています。</p><p>お客様の個人情報は${payload.retentionDays}日間保管したのち、匿名化します。請求書など法令で保存が義務付けられている記録は、法令の定める期間保存します。</p><p>これまでのご利用、誠にありがとうございました。退会をお申し込みでない場合は、至急お問い合わせフォームからご連絡ください。</p>`,
    };
  },
});
