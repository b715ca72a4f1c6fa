// The mail acknowledging a cancellation application (解約受付): scheduled for its last day, or waiting for the store to confirm a date inside the lead time.
import { z } from 'zod';
import { formatYen, yen } from '../../../domain/money.js';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const contractCancellationAcceptedTemplate = defineMailTemplate({
  name: 'contract-cancellation-accepted',
  payload: z.object({
    name: z.string().min(1),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    desiredDate: z.iso.date(),
    /** The last day of service; null while the store has not yet confirmed a wish inside the lead time. */
    endDate: z.iso.date().nullable(),
    /** Tax-exclusive yen. */
    earlyTerminationFee: z.number().int().min(0),
  }),
  render(locale, p, store) {
    const desired = formatBusinessDate(locale, p.desiredDate);
    const end = p.endDate ? formatBusinessDate(locale, p.endDate) : null;
    const fee = formatYen(yen(p.earlyTerminationFee));
    if (locale === 'en') {
      const lead =
        end === null
          ? `We have received your cancellation application. The date you asked for (${desired}) is inside the notice period, so we will check it and tell you the last day of service.`
          : `We have accepted your cancellation. The service ends after its last day, ${end}.`;
      const body = `Contract number: ${p.contractNumber}\nProduct: ${p.productName}\nRequested last day: ${desired}\nLast day of service: ${end ?? 'to be confirmed'}\nEarly-termination fee (excl. tax): ${fee}`;
      return {
        subject: `[${store.name}] Cancellation ${end === null ? 'application received' : 'accepted'} (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\n${lead}\n\n${body}\n\nYou can withdraw the application on My Page until the last day.`,
        html: html`<p>Dear ${p.name},</p><p>${lead}</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}<br>Requested last day: ${desired}<br>Last day of service: ${end ?? 'to be confirmed'}<br>Early-termination fee (excl. tax): ${fee}</p><p>You can withdraw the application on My Page until the last day.</p>`,
      };
    }
    const lead =
      end === null
        ? `解約のお申し込みを受け付けました。ご希望の解約日（${desired}）は受付期限を過ぎているため、確認のうえ解約日をご連絡いたします。`
        : `解約のお申し込みを受け付けました。${end}をもってサービスのご提供を終了いたします。`;
    return {
      subject: `【${store.name}】解約受付のお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\n${lead}\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}\nご希望の解約日: ${desired}\n解約日（サービス最終日）: ${end ?? '確認中'}\n中途解約料金（税抜）: ${fee}\n\n解約日までは、マイページからお申し込みを取り消せます。`,
      html: html`<p>${p.name} 様</p><p>${lead}</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}<br>ご希望の解約日: ${desired}<br>解約日（サービス最終日）: ${end ?? '確認中'}<br>中途解約料金（税抜）: ${fee}</p><p>解約日までは、マイページからお申し込みを取り消せます。</p>`,
    };
  },
});
