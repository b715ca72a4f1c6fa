// i18next set-up for the web app: Japanese by default, English on request, choice kept in localStorage.
// Each language's messages are their own chunks, loaded when first shown: a page downloads one language,
// and My Page's and the console's messages only with those areas (message-areas.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { MessageArea } from './message-areas';

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

/** The store's messages load first; My Page's and the console's parts load when those areas do. */
const loaders: Record<Language, Record<MessageArea, () => Promise<{ default: Partial<Messages> }>>> = {
  ja: {
    store: () => import('./ja.json?area=store'),
    mypage: () => import('./ja.json?area=mypage'),
    console: () => import('./ja.json?area=console'),
  },
  en: {
    store: () => import('./en.json?area=store'),
    mypage: () => import('./en.json?area=mypage'),
    console: () => import('./en.json?area=console'),
  },
};

const areasShown = new Set<MessageArea>(['store']);
const loaded = new Set<string>();

/** Adds one area's messages in one language to i18next, once. */
async function loadMessages(language: Language, area: MessageArea): Promise<void> {
  if (loaded.has(`${language}/${area}`)) return;
  const { default: messages } = await loaders[language][area]();
  i18next.addResourceBundle(language, 'translation', messages, true, true);
  loaded.add(`${language}/${area}`);
}

/** Loads an area's messages in the current language (and, from now on, in any language switched to). */
export async function loadAreaMessages(...areas: MessageArea[]): Promise<void> {
  const language = isLanguage(i18next.language) ? i18next.language : 'ja';
  await Promise.all(
    areas.map((area) => {
      areasShown.add(area);
      return loadMessages(language, area);
    }),
  );
}

/** Switches the UI language, remembers it, and keeps <html lang> in step for fonts and screen readers. */
export async function setLanguage(language: Language): Promise<void> {
  // Remembered at once, not after the messages arrive: a page load right after the click keeps the choice.
  storeLanguage(language);
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
export const i18nReady: Promise<void> = loadMessages(initial, 'store');

export default i18next;
