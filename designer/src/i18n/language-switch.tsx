import { useI18n } from './i18n-context.js';
import { LOCALES } from './pick-locale.js';

const LANGUAGE_NAMES = { 'zh-CN': '中文', en: 'English' } as const;

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          className={option === locale ? 'lang-option active' : 'lang-option'}
          aria-pressed={option === locale}
          data-testid={`lang-${option}`}
          onClick={() => setLocale(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
