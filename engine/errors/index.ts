export { ERROR_CATALOGUE, isErrorCode, type ErrorClass, type ErrorCode, type ErrorSpec } from './catalogue.js';
export { OrdoError, isOrdoError, type FieldError, type Locale, type OrdoErrorOptions } from './ordo-error.js';
