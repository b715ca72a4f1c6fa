// The mail an operator sends to check that the store's mail settings reach a real inbox.
import { z } from 'zod';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const smtpTestTemplate = defineMailTemplate({
  name: 'smtp-test',
  payload: z.object({ requestedBy: z.string().min(1) }),
  render(locale, payload, store) {
    if (locale === 'en') {
      return {
        subject: `[${store.name}] Test mail`,
        text: `This is a test mail from ${store.name}.\nRequested by: ${payload.requestedBy}\n\nIf you can read this, the store's mail delivery works.`,
        html: html`<p>This is a test mail from ${store.name}.</p><p>Requested by: ${payload.requestedBy}</p><p>If you can read this, the store's mail delivery works.</p>`,
      };
    }
    return {
      subject: `【${store.name}】テストメール`,
      text: `${store.name} からのテストメールです。\n送信を依頼した人: ${payload.requestedBy}\n\nこのメールが読めれば、ストアのメール送信は正しく設定されています。`,
      html: html`<p>${store.name} からのテストメールです。</p><p>送信を依頼した人: ${payload.requestedBy}</p><p>このメールが読めれば、ストアのメール送信は正しく設定されています。</p>`,
    };
  },
});
