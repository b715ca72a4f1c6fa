// The contracts module's expected failures, with stable codes and ja/en messages.
import { AppError } from '../../domain/errors.js';

export const contractErrors = {
  /** Unknown, or another member's: the two answer the same, so ids reveal nothing. */
  notFound: () =>
    new AppError({
      code: 'contract_not_found',
      status: 404,
      message: { ja: '契約が見つかりません。', en: 'No such contract.' },
    }),
  notSuspended: () =>
    new AppError({
      code: 'contract_not_suspended',
      status: 409,
      message: {
        ja: 'この契約は停止中ではないため、再開できません。',
        en: 'This contract is not suspended, so it cannot be resumed.',
      },
    }),
};

/** Refusals of cancellation applications and their decisions. */
export const cancellationErrors = {
  /** A cancellation is already scheduled or waiting for the store (409). */
  alreadyApplied: () =>
    new AppError({
      code: 'contract_cancellation_already_applied',
      status: 409,
      message: {
        ja: 'この契約はすでに解約のお申し込みを受け付けています。',
        en: 'A cancellation of this contract has already been applied for.',
      },
    }),
  /** Withdrawing when there is nothing to withdraw (409). */
  nothingToWithdraw: () =>
    new AppError({
      code: 'contract_cancellation_not_pending',
      status: 409,
      message: {
        ja: '取り消せる解約のお申し込みがありません。',
        en: 'There is no cancellation application to withdraw.',
      },
    }),
  /** An operator decision on a request that is no longer waiting (409). */
  notRequested: () =>
    new AppError({
      code: 'contract_request_not_pending',
      status: 409,
      message: {
        ja: 'このお申し込みは確認待ちではありません（確定済み、または取り消し済み）。',
        en: 'This application is not waiting for a decision (already decided or withdrawn).',
      },
    }),
  requestNotFound: () =>
    new AppError({
      code: 'contract_request_not_found',
      status: 404,
      message: { ja: 'お申し込みが見つかりません。', en: 'No such application.' },
    }),
};

/** Refusals of contract changes with a desired date (seeds 000, 003). */
export const changeErrors = {
  /** Ended, expired, cancelled (or cancelling), suspended or still in its trial (409). */
  notChangeable: () =>
    new AppError({
      code: 'contract_not_changeable',
      status: 409,
      message: {
        ja: 'この契約は変更のお申し込みができない状態です（終了済み、解約予定、停止中、またはトライアル中）。',
        en: 'This contract cannot be changed in its status (ended, cancelled, suspended or in its trial).',
      },
    }),
  /**
   * A next-term choice while a change application is open (409): the choice was priced against the
   * content the change replaces, so it waits until the change is applied or withdrawn.
   */
  pendingForNextTerm: () =>
    new AppError({
      code: 'contract_change_pending',
      status: 409,
      message: {
        ja: 'この契約には変更のお申し込みがあります。次回契約内容の変更は、その変更が適用されるか取り消された後に行ってください。',
        en: 'A change of this contract has been applied for. Change the next term once that change has taken effect or been withdrawn.',
      },
    }),
  /** A change is already scheduled or waiting for the store (409). */
  alreadyApplied: () =>
    new AppError({
      code: 'contract_change_already_applied',
      status: 409,
      message: {
        ja: 'この契約はすでに変更のお申し込みを受け付けています。取り消してからお申し込みください。',
        en: 'A change of this contract has already been applied for; withdraw it first.',
      },
    }),
  nothingToWithdraw: () =>
    new AppError({
      code: 'contract_change_not_pending',
      status: 409,
      message: {
        ja: '取り消せる変更のお申し込みがありません。',
        en: 'There is no change application to withdraw.',
      },
    }),
  /** The first day with the new content is before today (422). */
  dateInPast: (today: string) =>
    new AppError({
      code: 'change_date_in_past',
      status: 422,
      message: {
        ja: `変更希望日は本日（${today}）以降の日付を指定してください。`,
        en: `The change date must be today (${today}) or later.`,
      },
      fields: [
        {
          path: 'effectiveDate',
          code: 'change_date_in_past',
          message: { ja: '本日以降の日付を指定してください。', en: 'Choose today or a later date.' },
        },
      ],
    }),
  /** The product keeps the quantity it was ordered with (422). */
  quantityNotChangeable: (quantity: number) =>
    new AppError({
      code: 'contract_quantity_not_changeable',
      status: 422,
      message: {
        ja: `この商品は数量を変更できません（ご契約の数量は${quantity}です）。`,
        en: `This product's quantity cannot be changed (the contract's quantity is ${quantity}).`,
      },
      fields: [
        {
          path: 'quantity',
          code: 'contract_quantity_not_changeable',
          message: { ja: 'この商品は数量を変更できません。', en: 'The quantity cannot be changed.' },
        },
      ],
    }),
  /** The wish is the contract as it is (422). */
  nothingChanged: () =>
    new AppError({
      code: 'contract_change_empty',
      status: 422,
      message: {
        ja: 'プラン・数量・オプションのいずれかを現在のご契約から変更してください。',
        en: 'Change the plan, the quantity or the options from what the contract has now.',
      },
    }),
  /** The change would take effect after a scheduled last day of service (422). */
  afterEndDate: (endDate: string) =>
    new AppError({
      code: 'change_after_end_date',
      status: 422,
      message: {
        ja: `変更希望日がサービス最終日（${endDate}）より後です。`,
        en: `The change date is after the last day of service (${endDate}).`,
      },
      fields: [
        {
          path: 'effectiveDate',
          code: 'change_after_end_date',
          message: {
            ja: 'サービス最終日以前の日付を指定してください。',
            en: 'Choose a date on or before the last day.',
          },
        },
      ],
    }),
  /** An operator proposing another date gives the member a reason (422). */
  reasonRequired: () =>
    new AppError({
      code: 'contract_request_reason_required',
      status: 422,
      message: {
        ja: '希望日と異なる日付を提案するときは、理由を入力してください。',
        en: 'Give a reason when proposing another date than the one wished.',
      },
      fields: [
        {
          path: 'reason',
          code: 'contract_request_reason_required',
          message: { ja: '理由を入力してください。', en: 'Enter a reason.' },
        },
      ],
    }),
};
