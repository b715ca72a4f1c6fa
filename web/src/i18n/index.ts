// i18next set-up for the web app: Japanese by default, English on request, choice kept in localStorage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';

// Both files must carry the same keys; a key missing on either side fails the typecheck.
en satisfies typeof ja;
ja satisfies typeof en;

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'keiyaku.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

// localStorage throws in some privacy modes; the app must still start, in Japanese.
function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : 'ja';
  } catch {
    return 'ja';
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not persisting is acceptable: the choice still holds for this page view.
  }
}

/** Switches the UI language, remembers it, and keeps <html lang> in step for fonts and screen readers. */
export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  if (!isLanguage(language)) return;
  document.documentElement.lang = language;
  storeLanguage(language);
});

const initial = readStoredLanguage();
document.documentElement.lang = initial;

// With bundled resources and initAsync off, init completes synchronously, before the first render.
void i18next.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'ja',
  supportedLngs: [...languages],
  // React already escapes text it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18next;
