// The mail telling a provider that a contract for its service is to be cancelled, was withdrawn from cancellation, has ended, or changed its content.
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const providerContractNoticeTemplate = defineMailTemplate({
  name: 'provider-contract-notice',
  payload: z.object({
    providerName: z.string().min(1),
    event: z.enum(['cancellation_scheduled', 'cancellation_withdrawn', 'ended', 'changed']),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    plan: z.string().min(1),
    quantity: z.number().int().positive(),
    /** The last day of service; null for a withdrawn cancellation. */
    endDate: z.iso.date().nullable(),
    /** The first day of a change's new content (`changed`). */
    effectiveDate: z.iso.date().nullable().default(null),
    /** The options in force, as labels (`changed` lists them: the provider provides them from that day). */
    options: z.array(z.string().min(1)).default([]),
  }),
  render(locale, p, store) {
    const end = p.endDate ? formatBusinessDate(locale, p.endDate) : null;
    const start = p.effectiveDate ? formatBusinessDate(locale, p.effectiveDate) : null;
    // A change has no last day: it names its first day and the options instead.
    const changed = p.event === 'changed';
    if (locale === 'en') {
      const what = {
        cancellation_scheduled: `A contract for your service will be cancelled. Please end the service after its last day, ${end}.`,
        cancellation_withdrawn:
          'The member withdrew the cancellation of a contract for your service. Please keep providing it.',
        ended: `A contract for your service ended after its last day, ${end}. Please stop the service.`,
        changed: `A contract for your service changed from ${start}. Please provide the plan, quantity and options below from that day.`,
      }[p.event];
      const title = {
        cancellation_scheduled: 'Cancellation scheduled',
        cancellation_withdrawn: 'Cancellation withdrawn',
        ended: 'Contract ended',
        changed: 'Contract changed',
      }[p.event];
      return {
        subject: `[${store.name}] ${title} (contract ${p.contractNumber})`,
        text: `${p.providerName}\n\n${what}\n\nContract number: ${p.contractNumber}\nProduct: ${p.productName}\nPlan: ${p.plan}\nQuantity: ${p.quantity}\n${changed ? `Options: ${p.options.join(', ') || 'none'}\nEffective from: ${start}` : `Last day of service: ${end ?? '-'}`}`,
        html: html`<p>${p.providerName}</p><p>${what}</p><p>Contract number: ${p.contractNumber}<br>Product: ${p.productName}<br>Plan: ${p.plan}<br>Quantity: ${p.quantity}<br>${changed ? html`Options: ${p.options.join(', ') || 'none'}<br>Effective from: ${start}` : html`Last day of service: ${end ?? '-'}`}</p>`,
      };
    }
    const what = {
      cancellation_scheduled: `貴社サービスのご契約の解約を受け付けました。${end}をもってサービスの提供を終了してください。`,
      cancellation_withdrawn:
        '貴社サービスのご契約について、会員が解約のお申し込みを取り消しました。引き続きサービスの提供をお願いします。',
      ended: `貴社サービスのご契約が${end}をもって終了しました。サービスを停止してください。`,
      changed: `貴社サービスのご契約内容が${start}から変更されました。同日から下記のプラン・数量・オプションでのご提供をお願いします。`,
    }[p.event];
    const title = {
      cancellation_scheduled: '解約予定',
      cancellation_withdrawn: '解約取り消し',
      ended: '契約終了',
      changed: '契約内容変更',
    }[p.event];
    return {
      subject: `【${store.name}】${title}のお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.providerName} ご担当者様\n\n${what}\n\n契約番号: ${p.contractNumber}\n商品: ${p.productName}\nプラン: ${p.plan}\n数量: ${p.quantity}\n${changed ? `オプション: ${p.options.join('、') || 'なし'}\n変更日: ${start}` : `解約日（サービス最終日）: ${end ?? '-'}`}`,
      html: html`<p>${p.providerName} ご担当者様</p><p>${what}</p><p>契約番号: ${p.contractNumber}<br>商品: ${p.productName}<br>プラン: ${p.plan}<br>数量: ${p.quantity}<br>${changed ? html`オプション: ${p.options.join('、') || 'なし'}<br>変更日: ${start}` : html`解約日（サービス最終日）: ${end ?? '-'}`}</p>`,
    };
  },
});
