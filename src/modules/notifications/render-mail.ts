// Renders a template in the store's layout: the body, then the store's signature, as text and HTML.
import { html } from './templates/html.js';
import { findMailTemplate } from './templates/registry.js';
import type { Locale, MailStore } from './templates/types.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function signatureText(locale: Locale, store: MailStore): string {
  const hours = locale === 'ja' ? `受付時間: ${store.businessHours}` : `Hours: ${store.businessHours}`;
  return ['―――――――――――――――――', store.name, store.publicUrl, store.email, store.phone, hours].join('\n');
}

/** Renders a stored outbox mail; throws if the template is unknown or the payload no longer fits it. */
export function renderMail(
  template: string,
  locale: Locale,
  payload: unknown,
  store: MailStore,
): RenderedMail {
  const found = findMailTemplate(template);
  if (!found) throw new Error(`unknown mail template: ${template}`);
  const body = found.render(locale, found.payload.parse(payload), store);
  const hoursLabel = locale === 'ja' ? '受付時間' : 'Hours';
  const page = html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${body.subject}</title></head>
<body style="font-family: 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif; line-height: 1.7; color: #1a1b1e;">
${body.html}
<hr>
<p style="font-size: 13px; color: #555;">${store.name}<br><a href="${store.publicUrl}">${store.publicUrl}</a><br>${store.email} / ${store.phone}<br>${hoursLabel}: ${store.businessHours}</p>
</body></html>`;
  return {
    subject: body.subject,
    text: `${body.text}\n\n${signatureText(locale, store)}\n`,
    html: page.value,
  };
}
