import type { FastifyInstance, FastifyReply } from 'fastify';

/** The web app's policy: its own scripts only (no inline script, no eval), inline styles for rjsf; blob: images are attachment thumbnails fetched with the session's token. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

/**
 * Adds the security headers to every response, API and pages alike: JSON answers gain nothing from
 * a looser policy, and one hook cannot miss a route.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    setSecurityHeaders(reply);
    return payload;
  });
}

/** Also called for answers that skip the hooks (errors fastify raises before routing). */
export function setSecurityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
}
