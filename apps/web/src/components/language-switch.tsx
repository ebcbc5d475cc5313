import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '@jv/contracts';

interface LanguageSwitchProps {
  current: Locale;
  onSelect: (locale: Locale) => void;
  disabled?: boolean;
  tone?: 'dark' | 'light';
}

const SHORT: Record<Locale, string> = { uk: 'UK', en: 'EN' };

/** UK / EN toggle; each button is named by the language's own name and the code it shows. */
export function LanguageSwitch({ current, onSelect, disabled, tone = 'dark' }: LanguageSwitchProps) {
  const { t } = useTranslation();
  return (
    <div className={`lang-switch lang-switch-${tone}`} role="group" aria-label={t('app.language')}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="lang-button"
          aria-pressed={current === locale}
          // the name holds the visible "EN" too (WCAG 2.5.3, label in name): "English, EN"
          aria-label={`${t(`enums.locale.${locale}`)}, ${SHORT[locale]}`}
          title={t(`enums.locale.${locale}`)}
          data-testid={`lang-switch-${locale}`}
          disabled={disabled}
          onClick={() => current !== locale && onSelect(locale)}
        >
          {SHORT[locale]}
        </button>
      ))}
    </div>
  );
}
