// Formatting shared by the admin order pages: times and business dates in Asia/Tokyo, yen, names in the console's language.
import { useTranslation } from 'react-i18next';
import { formatYen, useLang } from '../../components/catalog-format';

export interface OrderFormat {
  lang: 'ja' | 'en';
  /** An instant as a Tokyo date and time. */
  time: (iso: string) => string;
  /** A business date (`2026-04-13`) as the console's language writes it; the date is not shifted by a zone. */
  date: (isoDate: string) => string;
  yen: (amount: number) => string;
  /** A name the API gives in both languages, in the console's. */
  name: (name: { ja: string; en: string }) => string;
  /** A contract term code: `monthly`, or `Nm` for N months. */
  term: (term: string) => string;
  paymentMethod: (method: string) => string;
}

export function useOrderFormat(): OrderFormat {
  const lang = useLang();
  const { t } = useTranslation();
  const locale = lang === 'en' ? 'en-GB' : 'ja-JP';
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    lang,
    time: (iso) => time.format(new Date(iso)),
    date: (isoDate) => date.format(new Date(`${isoDate}T00:00:00Z`)),
    yen: formatYen,
    name: (name) => name[lang],
    term: (term) => {
      const months = /^(\d+)m$/.exec(term)?.[1];
      if (months) return t('admin.orders.termMonths', { count: Number(months) });
      return t(`admin.orders.terms.${term}`, { defaultValue: term });
    },
    paymentMethod: (method) => t(`admin.orders.paymentMethods.${method}`, { defaultValue: method }),
  };
}
