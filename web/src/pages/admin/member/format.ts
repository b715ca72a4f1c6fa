// Date-time formatting for the member record: Japan time, in the console's language.
import { useTranslation } from 'react-i18next';

export function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  });
  return (iso) => format.format(new Date(iso));
}
