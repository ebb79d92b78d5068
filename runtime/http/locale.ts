import type { Locale } from '../../engine/errors/index.js';

/**
 * The locale a request asks for through Accept-Language, by its first (preferred) language: any
 * Chinese tag gets zh-CN, anything else en. Undefined when the header says nothing.
 */
export function localeFromAcceptLanguage(header: string | string[] | undefined): Locale | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const first = value?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  if (first === undefined || first === '' || first === '*') return undefined;
  return first === 'zh' || first.startsWith('zh-') ? 'zh-CN' : 'en';
}
