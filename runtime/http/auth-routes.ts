import type { FastifyPluginAsync } from 'fastify';
import { isOrdoError } from '../../engine/errors/index.js';
import type { LoginRateLimiter } from './login-rate-limiter.js';
import { actorOf } from './request-actor.js';
import type { Services } from '../services/index.js';

export interface AuthRoutesOptions {
  services: Services;
  rateLimiter: LoginRateLimiter;
}

const loginSchema = {
  tags: ['auth'],
  summary: 'Sign in; the token goes back as Authorization: Bearer',
  body: {
    type: 'object',
    required: ['username', 'password'],
    additionalProperties: false,
    properties: {
      username: { type: 'string', minLength: 1, maxLength: 100 },
      password: { type: 'string', minLength: 1, maxLength: 1000 },
    },
  },
};

interface LoginBody {
  username: string;
  password: string;
}

export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, { services, rateLimiter }) => {
  app.post<{ Body: LoginBody }>('/api/auth/login', { schema: loginSchema, config: { public: true } }, async (request) => {
    const { username, password } = request.body;
    rateLimiter.attempt(username, request.ip);
    try {
      const session = await services.auth.login(username, password);
      rateLimiter.succeeded(username, request.ip);
      return session;
    } catch (error) {
      if (!isOrdoError(error) || error.code !== 'ORDO_ERR_LOGIN_FAILED') rateLimiter.refund(username, request.ip);
      throw error;
    }
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End this session' } }, async (request, reply) => {
    actorOf(request);
    if (request.sessionToken !== null) await services.auth.logout(request.sessionToken);
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user' } }, async (request) => {
    const actor = actorOf(request);
    return {
      user: {
        id: actor.userId,
        username: actor.username,
        displayName: actor.displayName,
        roles: actor.roles,
        locale: actor.locale,
      },
    };
  });
};
