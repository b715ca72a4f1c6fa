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
