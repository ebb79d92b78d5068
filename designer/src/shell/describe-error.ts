import { ERROR_CATALOGUE, isErrorCode, type Locale } from '../../../engine/errors/index.js';
import type { ApiError } from '../api/index.js';
import { translate } from '../i18n/translate.js';

/** One line for the user: the server's own (already localized) words, else the catalogue's title. */
export function describeError(error: ApiError, locale: Locale): string {
  if (error.code === 'NETWORK') return translate(locale, 'error.network');
  const catalogueTitle = isErrorCode(error.code) ? ERROR_CATALOGUE[error.code].title[locale] : undefined;
  return error.detail || catalogueTitle || error.title;
}
