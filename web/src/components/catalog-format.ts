// Formatting shared by every area: yen the Japanese way and the visitor's language.
import { useTranslation } from 'react-i18next';

/** `¥1,234` (no decimals; money is whole yen). */
export function formatYen(amount: number): string {
  const digits = Math.abs(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return amount < 0 ? `-¥${digits}` : `¥${digits}`;
}

/** The language the visitor chose on screen. */
export function useLang(): 'ja' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}

/**
 * A term code (`monthly`, `12m`) as the visitor reads it, from the web app's own messages: for the few
 * places where the API gives the code without its label (an unpriced cart item).
 */
export function useTermText(): (term: string) => string {
  const { t } = useTranslation();
  return (term) => {
    if (term === 'monthly') return t('catalog.termMonthly');
    const months = /^([1-9]\d?)m$/.exec(term)?.[1];
    return months ? t('catalog.termMonths', { count: Number(months) }) : term;
  };
}
