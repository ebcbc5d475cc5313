import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodUk from 'zod/v4/locales/uk.js';
import { locales, type Locale } from '@jv/contracts';
import { en } from './en';
import { uk } from './uk';

export const DEFAULT_LOCALE: Locale = 'uk';
const STORAGE_KEY = 'jv.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Form validation messages from zod follow the UI language. */
const zodLocales: Record<Locale, typeof zodEn> = { uk: zodUk, en: zodEn };

type LocaleError = ReturnType<typeof zodEn>['localeError'];

/** Plain words for the commonest text-field rules; everything else in zod's own wording for the locale. */
function friendlier(base: LocaleError): LocaleError {
  return (issue) => {
    if (issue.code === 'too_small' && issue.origin === 'string') {
      const min = Number(issue.minimum);
      return min <= 1 ? i18n.t('validation.required') : i18n.t('validation.minLength', { min });
    }
    if (issue.code === 'too_big' && issue.origin === 'string') return i18n.t('validation.maxLength', { max: Number(issue.maximum) });
    return base(issue);
  };
}

function onLanguage(language: string) {
  const locale = isLocale(language) ? language : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
  const zodLocale = zodLocales[locale]();
  z.config({ localeError: friendlier(zodLocale.localeError) });
}

i18n.on('languageChanged', onLanguage);

void i18n.use(initReactI18next).init({
  resources: { uk: { translation: uk }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the UI language and remembers it on this device (used before sign-in, too). */
export function setUiLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be unavailable (private mode); the language still switches for this visit
  }
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

export function currentUiLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export { i18n };
