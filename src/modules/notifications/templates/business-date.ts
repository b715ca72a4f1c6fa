// Business dates (`YYYY-MM-DD`, Asia/Tokyo) as mails print them: 2026年4月15日 / 15 April 2026.
import type { Locale } from './types.js';

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The date in the mail's language; the string is already a calendar date, so no time zone is involved. */
export function formatBusinessDate(locale: Locale, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? `${d} ${months[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}
