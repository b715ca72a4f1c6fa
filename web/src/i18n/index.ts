// i18next set-up for the web app: Japanese by default, English on request, choice kept in localStorage.
// Each language's messages are their own chunks, loaded when first shown: a page downloads one language,
// and the console's messages only with the console (console-keys.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

type Messages = typeof import('./ja.json');

// Both files must carry the same keys; a key missing on either side fails the typecheck.
({}) as typeof import('./en.json') satisfies Messages;
({}) as Messages satisfies typeof import('./en.json');

export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'keiyaku.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
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

/** Member-facing messages load first; the console's part loads when the console does. */
type Area = 'member' | 'console';

const loaders: Record<Language, Record<Area, () => Promise<{ default: Partial<Messages> }>>> = {
  ja: { member: () => import('./ja.json?area=member'), console: () => import('./ja.json?area=console') },
  en: { member: () => import('./en.json?area=member'), console: () => import('./en.json?area=console') },
};

const areasShown = new Set<Area>(['member']);
const loaded = new Set<string>();

/** Adds one area's messages in one language to i18next, once. */
async function loadMessages(language: Language, area: Area): Promise<void> {
  if (loaded.has(`${language}/${area}`)) return;
  const { default: messages } = await loaders[language][area]();
  i18next.addResourceBundle(language, 'translation', messages, true, true);
  loaded.add(`${language}/${area}`);
}

/** Loads the console's messages in the current language (and, from now on, in any language switched to). */
export async function loadConsoleMessages(): Promise<void> {
  areasShown.add('console');
  await loadMessages(isLanguage(i18next.language) ? i18next.language : 'ja', 'console');
}

/** Switches the UI language, remembers it, and keeps <html lang> in step for fonts and screen readers. */
export async function setLanguage(language: Language): Promise<void> {
  await Promise.all([...areasShown].map((area) => loadMessages(language, area)));
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  if (!isLanguage(language)) return;
  document.documentElement.lang = language;
  storeLanguage(language);
});

const initial = readStoredLanguage();
document.documentElement.lang = initial;

// Both files carry every key, so a language needs no fallback (and the other language is never loaded).
void i18next.use(initReactI18next).init({
  resources: {},
  lng: initial,
  fallbackLng: false,
  supportedLngs: [...languages],
  // React already escapes text it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Settles when the first language's messages are in: main.tsx renders nothing before that. */
export const i18nReady: Promise<void> = loadMessages(initial, 'member');

export default i18next;
