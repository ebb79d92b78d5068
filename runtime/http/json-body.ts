import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OrdoError } from '../../engine/errors/index.js';
import { checkJsonBody } from './json-body-limits.js';

/**
 * The one media type Ordo reads bodies in. Type and subtype compare case-insensitively (RFC 9110
 * section 8.3.1); the only parameter allowed is charset=utf-8 after `;` and at most one space. Stray
 * whitespace, tabs, trailing text or other parameters are refused: each was a way around body
 * validation in past fastify CVEs, and no real client needs them.
 */
const JSON_MEDIA_TYPE = /^application\/json(?:; ?charset=utf-8)?$/i;

export function isAcceptedJsonContentType(header: string | undefined): boolean {
  return header !== undefined && JSON_MEDIA_TYPE.test(header);
}

/**
 * Replaces fastify's parsers (JSON with loose media-type matching, and text/plain) with a single
 * catch-all that answers 415 unless the Content-Type is exactly JSON, and then parses with fastify's
 * own JSON parser, which rejects `__proto__` and `constructor.prototype` keys, and checks depth and
 * text (json-body-limits.ts).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request: FastifyRequest, body: string, done) => {
    if (!isAcceptedJsonContentType(request.headers['content-type'])) {
      done(new OrdoError('ORDO_ERR_UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'), undefined);
      return;
    }
    // An empty JSON body is no body: routes without one (logout, delete) accept it, the others fail their schema.
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    parseJson(request, body, (error, parsed) => {
      if (error !== null) {
        done(error, undefined);
        return;
      }
      try {
        checkJsonBody(parsed);
      } catch (problem) {
        done(problem as Error, undefined);
        return;
      }
      done(null, parsed);
    });
  });
}
