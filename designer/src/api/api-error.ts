import type { FieldError } from '../../../engine/errors/index.js';

/** A failed API call, read from the server's RFC 9457 problem+json (or made up for a network failure). */
export class ApiError extends Error {
  readonly status: number;
  /** An Ordo problem code (`ORDO_ERR_...`), or `NETWORK` when no response arrived. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, title: string, options: { detail?: string; fieldErrors?: readonly FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(options.detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = options.detail;
    this.fieldErrors = options.fieldErrors ?? [];
    this.extra = options.extra ?? {};
  }
}

const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'errors', 'instance']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((entry) => ({
    pointer: typeof entry.pointer === 'string' ? entry.pointer : '',
    code: typeof entry.code === 'string' ? entry.code : '',
    message: typeof entry.message === 'string' ? entry.message : '',
  }));
}

/** Turns a non-2xx response body into an ApiError; tolerates bodies that are not problem documents. */
export function problemToError(status: number, body: unknown, statusText = ''): ApiError {
  if (!isObject(body)) {
    return new ApiError(status, status >= 500 ? 'ORDO_ERR_INTERNAL' : 'ORDO_ERR_BAD_REQUEST', statusText || `HTTP ${status}`);
  }
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!PROBLEM_MEMBERS.has(key)) extra[key] = value;
  }
  if (isObject(body.extra)) Object.assign(extra, body.extra);
  const title = typeof body.title === 'string' ? body.title : statusText || `HTTP ${status}`;
  const options: { detail?: string; fieldErrors: FieldError[]; extra: Record<string, unknown> } = {
    fieldErrors: readFieldErrors(body.errors),
    extra,
  };
  if (typeof body.detail === 'string') options.detail = body.detail;
  return new ApiError(
    typeof body.status === 'number' ? body.status : status,
    typeof body.code === 'string' ? body.code : `HTTP_${status}`,
    title,
    options,
  );
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
