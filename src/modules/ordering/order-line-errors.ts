// Expected failures of starting, rejecting and re-dating order lines, each with a stable code and a Japanese and English message.
import { AppError } from '../../domain/errors.js';

const field = (path: string, code: string, message: { ja: string; en: string }) =>
  new AppError({ code, status: 422, message, fields: [{ path, code, message }] });

export const orderLineErrors = {
  notFound: () =>
    new AppError({
      code: 'order_line_not_found',
      status: 404,
      message: { ja: 'ご注文の明細が見つかりません。', en: 'The order line was not found.' },
    }),
  orderNotFound: () =>
    new AppError({
      code: 'order_not_found',
      status: 404,
      message: { ja: 'ご注文が見つかりません。', en: 'The order was not found.' },
    }),
  startDateNotBusinessDay: (date: string) =>
    field('serviceStartDate', 'service_start_date_not_business_day', {
      ja: `提供開始日 ${date} は営業日ではありません。営業日を指定してください。`,
      en: `The service start date ${date} is not a business day.`,
    }),
  startDateBeforeOrder: (date: string, orderDate: string) =>
    field('serviceStartDate', 'service_start_date_before_order', {
      ja: `提供開始日 ${date} はご注文日（${orderDate}）より前にはできません。`,
      en: `The service start date ${date} cannot be before the order date (${orderDate}).`,
    }),
  startDateInPast: (date: string, today: string) =>
    field('serviceStartDate', 'service_start_date_in_past', {
      ja: `新しい提供開始日 ${date} は本日（${today}）以降の日付にしてください。`,
      en: `The new service start date ${date} must be today (${today}) or later.`,
    }),
  reasonRequired: () =>
    field('reason', 'rejection_reason_required', {
      ja: 'ご提供できない理由を入力してください。',
      en: 'Give the reason why it cannot be provided.',
    }),
  startDateNotSet: () =>
    new AppError({
      code: 'service_start_date_not_set',
      status: 409,
      message: {
        ja: 'まだ提供開始日が決まっていないため、変更できません。',
        en: 'The service start date is not set yet, so it cannot be changed.',
      },
    }),
  alreadyStarted: (date: string) =>
    new AppError({
      code: 'service_already_started',
      status: 409,
      message: {
        ja: `サービスは ${date} に提供を開始しているため、提供開始日は変更できません。`,
        en: `The service started on ${date}, so its start date can no longer be changed.`,
      },
    }),
};
