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
