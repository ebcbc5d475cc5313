import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { locales, type Locale, setFieldRuleText } from '@jv/contracts';
import { fieldMessage, issueParams } from '../lib/messages';
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

/**
 * Form validation speaks the UI language: zod's checks and the contracts' named rules are worded by
 * the same catalogue as the server's field errors (lib/messages.ts), never by zod's own locale.
 */
z.config({
  localeError: (issue) =>
    fieldMessage(i18n.t, {
      code: issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.code,
      params: issueParams(issue),
    }),
});
setFieldRuleText((code) => fieldMessage(i18n.t, { code }));

function onLanguage(language: string) {
  const locale = isLocale(language) ? language : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
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
