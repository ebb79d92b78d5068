import { ERROR_CATALOGUE, type ErrorClass, type ErrorCode } from './catalogue.js';

export type Locale = 'zh-CN' | 'en';

/** One problem with one field, addressed by a JSON pointer into the request or definition. */
export interface FieldError {
  readonly pointer: string;
  /** The ajv keyword (`required`, `maximum`, ...) or an Ordo-specific one (`forbidden`, `lookup`). */
  readonly code: string;
  readonly message: string;
}

export interface OrdoErrorOptions {
  readonly fields?: readonly FieldError[];
  /** Extra members for the problem document, e.g. `currentRevision` on a conflict. */
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * The only error type that crosses a boundary: its code fixes the HTTP status and the class,
 * so the API can turn any OrdoError into problem+json without a case per error.
 */
export class OrdoError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errorClass: ErrorClass;
  readonly fields: readonly FieldError[];
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message?: string, options: OrdoErrorOptions = {}) {
    const spec = ERROR_CATALOGUE[code];
    super(message ?? spec.title.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrdoError';
    this.code = code;
    this.status = spec.status;
    this.errorClass = spec.class;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
  }

  /** The localized title of this error's code. */
  title(locale: Locale): string {
    return ERROR_CATALOGUE[this.code].title[locale];
  }
}

export function isOrdoError(value: unknown): value is OrdoError {
  return value instanceof OrdoError;
}
