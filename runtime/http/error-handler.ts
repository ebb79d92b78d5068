import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OrdoError } from '../../engine/errors/index.js';
import { PROBLEM_CONTENT_TYPE, toOrdoError, toProblem } from './problem-details.js';
import { requestLocale } from './request-actor.js';
import { setSecurityHeaders } from './security-headers.js';

/** Sends an OrdoError as problem+json, with the headers some codes call for. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: OrdoError): FastifyReply {
  setSecurityHeaders(reply);
  if (error.status === 401) reply.header('www-authenticate', 'Bearer');
  const retryAfter = error.extra['retryAfter'];
  if (error.code === 'ORDO_ERR_RATE_LIMITED' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply
    .code(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(toProblem(error, request.url, requestLocale(request)));
}

/**
 * One error handler for the whole server. A caller's mistake is logged at info without a stack;
 * anything 5xx is logged at error with the original error and its stack, and the client learns
 * only the code and the localized title.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
}

/**
 * Errors fastify raises before routing (a malformed percent-escape, an over-long path parameter)
 * bypass the error handler; given as the `frameworkErrors` server option, this answers them alike.
 */
export function handleError(raw: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(request, reply, logFailure(request, raw));
}

/** Logs a failure as handleError does and returns it as an OrdoError; for a part of a request that fails alone (one task of a batch). */
export function logFailure(request: FastifyRequest, raw: unknown): OrdoError {
  const error = toOrdoError(raw);
  if (error.status >= 500) {
    request.log.error({ err: error.cause ?? raw, code: error.code }, 'request failed');
  } else {
    request.log.info({ code: error.code, status: error.status, detail: error.message }, 'request refused');
  }
  return error;
}

/** Unknown /api and /docs routes answer 404 problem+json; the web plugin decides about the rest. */
export function notFoundProblem(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(request, reply, new OrdoError('ORDO_ERR_NOT_FOUND', `Nothing at ${request.method} ${request.url.split('?')[0]}.`));
}
