import { ERROR_CATALOGUE, OrdoError, isOrdoError, type ErrorCode, type FieldError, type Locale } from '../../engine/errors/index.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
const PROBLEM_TYPE_BASE = 'https://ordo.dev/problems/';

/** An RFC 9457 problem document as Ordo sends it. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  errors: FieldError[];
  [extra: string]: unknown;
}

/** The shape fastify gives to errors from route schema validation. */
interface SchemaValidationError {
  validation: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[];
  validationContext?: string;
}

/** Members a problem document owns; `extra` from an error may not overwrite them. */
const RESERVED_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'instance', 'errors']);

/**
 * Turns anything thrown while serving a request into an OrdoError. Fastify's own errors are mapped
 * by their code; whatever is left is unexpected and becomes ORDO_ERR_INTERNAL, keeping the original
 * as `cause` for the log only.
 */
export function toOrdoError(error: unknown): OrdoError {
  if (isOrdoError(error)) return error;
  if (isSchemaValidationError(error)) return fromSchemaValidation(error);
  const fastifyCode = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (fastifyCode) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new OrdoError('ORDO_ERR_BAD_REQUEST', 'The body is not valid JSON.', { cause: error });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new OrdoError('ORDO_ERR_BAD_REQUEST', 'The body is empty.', { cause: error });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new OrdoError('ORDO_ERR_BAD_REQUEST', 'Content-Length does not match the body.', { cause: error });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new OrdoError('ORDO_ERR_BODY_TOO_LARGE', undefined, { cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new OrdoError('ORDO_ERR_UNSUPPORTED_MEDIA_TYPE', undefined, { cause: error });
    default:
      break;
  }
  const statusCode = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  // Other fastify client errors (a malformed URL, an aborted body) are the caller's; their text is fastify's own.
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 && typeof fastifyCode === 'string' && fastifyCode.startsWith('FST_')) {
    return new OrdoError('ORDO_ERR_BAD_REQUEST', undefined, { cause: error });
  }
  if (isConnectionFailure(error, fastifyCode)) return new OrdoError('ORDO_ERR_DATABASE_UNAVAILABLE', undefined, { cause: error });
  return new OrdoError('ORDO_ERR_INTERNAL', undefined, { cause: error });
}

/**
 * The database went away under a request: a refused or reset socket, pg's "connection terminated",
 * or a PostgreSQL connection exception (SQLSTATE class 08) or shutdown (57P01-57P03).
 */
function isConnectionFailure(error: unknown, code: unknown): boolean {
  if (typeof code === 'string' && (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code) || /^08|^57P0[123]$/.test(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|Client has encountered a connection error|PGlite is closed/i.test(message);
}

export function toProblem(error: OrdoError, instance: string, locale: Locale): ProblemDocument {
  const spec = ERROR_CATALOGUE[error.code];
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error.extra)) {
    if (!RESERVED_MEMBERS.has(key)) extra[key] = value;
  }
  return {
    ...extra,
    type: PROBLEM_TYPE_BASE + error.code,
    title: spec.title[locale],
    status: error.status,
    // A server-side failure's message may carry internals (SQL, hosts, paths); the client gets the title only.
    detail: error.status >= 500 ? spec.title[locale] : error.message,
    code: error.code,
    instance,
    errors: error.fields.map((field) => ({ pointer: field.pointer, code: field.code, message: field.message })),
  };
}

function isSchemaValidationError(error: unknown): error is SchemaValidationError {
  return typeof error === 'object' && error !== null && Array.isArray((error as { validation?: unknown }).validation);
}

function fromSchemaValidation(error: SchemaValidationError): OrdoError {
  const part = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
  const fields = error.validation.map((issue) => {
    const child = issue.params['missingProperty'] ?? issue.params['additionalProperty'];
    const pointer = `/${part}${issue.instancePath}${typeof child === 'string' ? `/${escapePointerToken(child)}` : ''}`;
    return { pointer, code: issue.keyword, message: describe(issue.keyword, issue.message, child) };
  });
  const first = fields[0];
  const message = first === undefined ? 'The request does not have the expected shape.' : `${first.pointer}: ${first.message}`;
  return new OrdoError('ORDO_ERR_REQUEST_INVALID', message, { fields });
}

function describe(keyword: string, message: string | undefined, child: unknown): string {
  if (keyword === 'additionalProperties' && typeof child === 'string') return 'is not an allowed property';
  if (keyword === 'required' && typeof child === 'string') return 'is required';
  return message ?? keyword;
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}
