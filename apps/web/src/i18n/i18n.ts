import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@jv/contracts';
import type { Translation } from './uk';

export const DEFAULT_LOCALE: Locale = 'uk';

// Each language is a chunk of its own: a visit downloads only the language it shows. (Neither zod nor the
// contracts are imported here, so that the first chunk stays small: see zod-messages.ts.)
const catalogues: Record<Locale, () => Promise<Translation>> = {
  uk: () => import('./uk').then((m) => m.uk),
  en: () => import('./en').then((m) => m.en),
};
const STORAGE_KEY = 'jv.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(catalogues, value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function onLanguage(language: string) {
  const locale = isLocale(language) ? language : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
}

i18n.on('languageChanged', onLanguage);

const loading = new Map<Locale, Promise<void>>();

/** Fetches a language's catalogue once and adds it to i18next; the UI waits for it before it renders. */
export function loadCatalogue(locale: Locale): Promise<void> {
  let done = loading.get(locale);
  if (!done) {
    done = catalogues[locale]().then((catalogue) => {
      // as it is: i18next would otherwise deep-copy the 87 KB catalogue through JSON (a long task and its garbage on
      // a phone, before the first render); nothing changes the module's object
      i18n.addResourceBundle(locale, 'translation', catalogue, false, false, { skipCopy: true });
    });
    // a failed download (offline) may be tried again on the next switch
    done.catch(() => loading.delete(locale));
    loading.set(locale, done);
  }
  return done;
}

void i18n.use(initReactI18next).init({
  resources: {},
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: Object.keys(catalogues),
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

let wanted: Locale | undefined;

/**
 * Switches the UI language and remembers it on this device (used before sign-in, too). The promise settles
 * once the language shows, or once its texts could not be fetched (offline: the UI keeps the language it shows
 * and the next switch tries again); it never rejects.
 */
export function setUiLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be unavailable (private mode); the language still switches for this visit
  }
  wanted = locale;
  if (i18n.language === locale) return Promise.resolve();
  // already loaded: switch in the same tick (no render in between shows the old language)
  if (i18n.hasResourceBundle(locale, 'translation')) {
    void i18n.changeLanguage(locale);
    return Promise.resolve();
  }
  return loadCatalogue(locale).then(
    // unless the user chose another language while this one was on its way
    async () => {
      if (wanted === locale) await i18n.changeLanguage(locale);
    },
    () => undefined,
  );
}

export function currentUiLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export { i18n };
