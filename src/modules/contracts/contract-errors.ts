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
