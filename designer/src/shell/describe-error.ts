import { ERROR_CATALOGUE, isErrorCode, type Locale } from '../../../engine/errors/index.js';
import { isApiError, type ApiError } from '../api/api-error.js';
import { translate } from '../i18n/translate.js';

/**
 * One line for the user in the current language: the catalogue's title for a known code (the
 * problem's `detail` is written for developers, in English), else the problem's own title.
 */
export function describeError(error: Pick<ApiError, 'code' | 'title'>, locale: Locale): string {
  if (error.code === 'NETWORK') return translate(locale, 'error.network');
  return isErrorCode(error.code) ? ERROR_CATALOGUE[error.code].title[locale] : error.title;
}

/** What went wrong, for anything a request can throw: a problem from the server, a network failure or a bug. */
export function describeFailure(failure: unknown, locale: Locale): string {
  return isApiError(failure) ? describeError(failure, locale) : String(failure);
}
