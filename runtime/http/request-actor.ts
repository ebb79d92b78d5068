import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OrdoError, type Locale } from '../../engine/errors/index.js';
import { localeFromAcceptLanguage } from './locale.js';
import type { Actor, Services } from '../services/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set by the authentication hook; null on public routes. */
    actor: Actor | null;
    /** The bearer token the actor signed in with. */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (login, health). */
    public?: boolean;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]{1,512}=*)$/i;

export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/** The locale for a request's texts: the actor's (which already honours Accept-Language), else Accept-Language, else en. */
export function requestLocale(request: FastifyRequest): Locale {
  return request.actor?.locale ?? localeFromAcceptLanguage(request.headers['accept-language']) ?? 'en';
}

/**
 * Adds an onRequest hook to the scope it is called in: every route not marked `config.public`
 * needs `Authorization: Bearer <token>`. It runs before the body is read, so anonymous callers
 * cannot make the server parse anything.
 */
export function installAuthentication(app: FastifyInstance, services: Services): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public === true) return;
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      throw new OrdoError('ORDO_ERR_UNAUTHENTICATED', 'Send Authorization: Bearer <token>.');
    }
    const actor = await services.auth.authenticate(token);
    const asked = localeFromAcceptLanguage(request.headers['accept-language']);
    request.actor = asked === undefined ? actor : { ...actor, locale: asked };
    request.sessionToken = token;
  });
}

export function decorateRequestActor(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
}

/** The actor of an authenticated route; the hook guarantees it, this makes the type say so. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new OrdoError('ORDO_ERR_UNAUTHENTICATED');
  return request.actor;
}
