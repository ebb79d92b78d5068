export { buildServer, DEFAULT_BODY_LIMIT, type BuildServerOptions } from './build-server.js';
export { CONTENT_SECURITY_POLICY } from './security-headers.js';
export { isAcceptedJsonContentType } from './json-body.js';
export { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimiter, type LoginRateLimitOptions } from './login-rate-limiter.js';
export { withFormDocumentation, formSchemaNames, type OpenApiDocument } from './openapi-document.js';
export { toOrdoError, toProblem, PROBLEM_CONTENT_TYPE, type ProblemDocument } from './problem-details.js';
export { parseFilter } from './record-query.js';
export { localeFromAcceptLanguage } from './locale.js';
