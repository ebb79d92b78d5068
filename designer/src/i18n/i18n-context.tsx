import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';
import { formatDate, formatDateTime, formatNumber } from './format.js';
import type { MessageId } from './messages-en.js';
import { pickLocale } from './pick-locale.js';
import { translate, type MessageParams } from './translate.js';

const LOCALE_KEY = 'ordo.locale';

export interface I18n {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  t(id: MessageId, params?: MessageParams): string;
  /** A definition's text in the current language (falls back to the other one). */
  text(value: LocalizedText | undefined, fallback?: string): string;
  date(value: string): string;
  dateTime(value: string): string;
  number(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function readSavedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => pickLocale(readSavedLocale(), navigator.languages ?? [navigator.language]));

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    document.documentElement.lang = locale;
    return {
      locale,
      setLocale,
      t: (id, params) => translate(locale, id, params),
      text: (text, fallback = '') => (text ? text[locale] || text[locale === 'en' ? 'zh-CN' : 'en'] : fallback),
      date: (value) => formatDate(value, locale),
      dateTime: (value) => formatDateTime(value, locale),
      number: (value) => formatNumber(value, locale),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
