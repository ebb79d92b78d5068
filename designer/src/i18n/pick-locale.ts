import type { Locale } from '../../../engine/errors/index.js';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** The saved choice wins; otherwise the first browser language that is Chinese or English; otherwise Chinese. */
export function pickLocale(saved: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  for (const language of browserLanguages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
