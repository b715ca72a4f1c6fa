// Parsing business dates typed by people (YYYY-MM-DD), with an error they can act on.
import { Temporal } from 'temporal-polyfill';
import { AppError } from './errors.js';

/** A real calendar date in YYYY-MM-DD form, or an `invalid_date` error. */
export function parsePlainDate(value: string): Temporal.PlainDate {
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(value);
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    throw new AppError({
      code: 'invalid_date',
      status: 422,
      message: {
        ja: `日付 "${value}" は YYYY-MM-DD 形式の実在する日付で指定してください。`,
        en: `"${value}" is not a real date in YYYY-MM-DD form.`,
      },
    });
  }
}
