// The refusals of recorded charges (usage, adjustments): stable codes, the record's position, ja and en.
import { AppError } from '../../domain/errors.js';

/** A usage record refused: the request applies nothing; `position` (0-based) names the record. */
export function usageRefused(position: number, code: string, ja: string, en: string): AppError {
  return new AppError({
    code,
    status: code === 'usage_idempotency_conflict' ? 409 : 422,
    message: { ja: `${position + 1} 件目の利用記録: ${ja}`, en: `Usage record ${position + 1}: ${en}` },
    fields: [{ path: `records.${position}`, code, message: { ja, en } }],
    extensions: { position: String(position) },
  });
}

export const chargeErrors = {
  memberNotFound: () =>
    new AppError({
      code: 'member_not_found',
      status: 404,
      message: { ja: '会員が見つかりません。', en: 'No such member.' },
    }),
  adjustmentZero: () =>
    new AppError({
      code: 'adjustment_amount_zero',
      status: 422,
      message: { ja: '調整額に 0 円は指定できません。', en: 'An adjustment cannot be zero yen.' },
      fields: [
        {
          path: 'amount',
          code: 'adjustment_amount_zero',
          message: {
            ja: '0 以外の整数（円）を入力してください。',
            en: 'Enter a whole number of yen other than 0.',
          },
        },
      ],
    }),
  reasonRequired: () =>
    new AppError({
      code: 'adjustment_reason_required',
      status: 422,
      message: { ja: '調整の理由を入力してください。', en: 'An adjustment needs a reason.' },
      fields: [
        {
          path: 'reason',
          code: 'adjustment_reason_required',
          message: { ja: '理由を入力してください。', en: 'Enter a reason.' },
        },
      ],
    }),
};
