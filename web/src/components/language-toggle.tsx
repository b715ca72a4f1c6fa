// Header button that switches between Japanese and English; it names the language it switches to.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  // useTranslation re-renders this button when the language changes, so `next` stays current.
  const next = i18n.language === 'en' ? 'ja' : 'en';
  return (
    <Button
      variant="default"
      size="xs"
      lang={next}
      title={t('language.switchLabel')}
      onClick={() => void setLanguage(next)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
