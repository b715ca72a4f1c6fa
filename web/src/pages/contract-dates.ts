// How contract pages write dates: instants in Tokyo time, business dates (YYYY-MM-DD) as the calendar day they name.
import { useTranslation } from 'react-i18next';

/** Dates as the visitor's language writes them: instants in Tokyo time, business dates as the day they name. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'ja-JP';
  return {
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Tokyo',
      }).format(new Date(iso)),
    /** A business date (YYYY-MM-DD) as the calendar day it names, whatever the browser's zone. */
    date: (plain: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${plain}T00:00:00Z`),
      ),
  };
}
