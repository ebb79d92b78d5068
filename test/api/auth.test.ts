import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TEST_PASSWORD } from '../support/api-fixture.js';
import { testDatabases } from '../support/database.js';
import { startApiTestServer, type ApiTestServer } from '../support/api-server.js';

let server: ApiTestServer;

for (const backend of testDatabases()) {
  describe(backend.name, () => {
    beforeAll(async () => {
      server = await startApiTestServer(backend, { loginRateLimit: { maxFailures: 3, windowMs: 60_000, maxKeys: 100 } });
    });
    afterAll(async () => {
      await server?.close();
    });

    function login(username: string, password: string, headers: Record<string, string> = {}, remoteAddress?: string) {
      return server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({ username, password }),
        ...(remoteAddress === undefined ? {} : { remoteAddress }),
      });
    }

    describe('POST /api/auth/login', () => {
      it('answers a token that then authenticates', async () => {
        const response = await login('pete', API_TEST_PASSWORD);
        expect(response.statusCode).toBe(200);
        const body = response.json();
        expect(body.user).toMatchObject({ username: 'pete', roles: ['planner'] });
        expect(typeof body.token).toBe('string');
        expect(Date.parse(body.expiresAt)).toBeGreaterThan(server.clock.now.getTime());
        const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${body.token}` } });
        expect(me.statusCode).toBe(200);
        expect(me.json().user).toMatchObject({ username: 'pete', roles: ['planner'] });
      });

      it('refuses a wrong password and an unknown user alike, localized', async () => {
        const wrong = await login('vic', 'not the password', { 'accept-language': 'zh-CN,zh;q=0.9' });
        const unknown = await login('nobody', 'not the password', { 'accept-language': 'en-GB' });
        expect(wrong.statusCode).toBe(401);
        expect(unknown.statusCode).toBe(401);
        expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(wrong.json()).toMatchObject({ code: 'ORDO_ERR_LOGIN_FAILED', title: '用户名或密码错误', status: 401 });
        expect(unknown.json()).toMatchObject({ code: 'ORDO_ERR_LOGIN_FAILED', title: 'Wrong user name or password' });
        expect(JSON.stringify(wrong.json())).not.toContain('token');
      });

      it('refuses bodies of the wrong shape with a pointer', async () => {
        const response = await server.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ username: 'ann', password: 12345678 }),
        });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ code: 'ORDO_ERR_REQUEST_INVALID', errors: [{ pointer: '/body/password', code: 'type' }] });
        const extra = await server.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ username: 'ann', password: API_TEST_PASSWORD, admin: true }),
        });
        expect(extra.statusCode).toBe(400);
        expect(extra.json().errors).toEqual([{ pointer: '/body/admin', code: 'additionalProperties', message: 'is not an allowed property' }]);
      });

      it('slows down password guessing per user name and address with 429', async () => {
        for (let attempt = 0; attempt < 3; attempt += 1) {
          expect((await login('root', `guess ${attempt}`, {}, '10.0.0.7')).statusCode).toBe(401);
        }
        const limited = await login('root', API_TEST_PASSWORD, {}, '10.0.0.7');
        expect(limited.statusCode).toBe(429);
        expect(limited.json().code).toBe('ORDO_ERR_RATE_LIMITED');
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        // Someone else's guessing does not lock the user out from their own machine.
        expect((await login('root', API_TEST_PASSWORD, {}, '10.0.0.8')).statusCode).toBe(200);
      });

      it('counts guesses sent in parallel before any of them is checked', async () => {
        const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login('root', `parallel ${i}`, {}, '10.0.0.9')));
        const codes = answers.map((answer) => answer.statusCode).sort();
        expect(codes.filter((code) => code === 401)).toHaveLength(3);
        expect(codes.filter((code) => code === 429)).toHaveLength(7);
      });
    });

    describe('bearer authentication', () => {
      const protectedRoutes = [
        ['GET', '/api/auth/me'],
        ['POST', '/api/auth/logout'],
        ['GET', '/api/definitions'],
        ['GET', '/api/forms/work-order/records'],
        ['GET', '/api/forms/work-order/records/abc'],
        ['GET', '/api/forms/work-order/records/abc/history'],
        ['DELETE', '/api/forms/work-order/records/abc?revision=1'],
      ] as const;

      for (const [method, url] of protectedRoutes) {
        it(`${method} ${url} without a token -> 401`, async () => {
          const before = await server.counts();
          const response = await server.app.inject({ method, url });
          expect(response.statusCode).toBe(401);
          expect(response.headers['www-authenticate']).toBe('Bearer');
          expect(response.json()).toMatchObject({ code: 'ORDO_ERR_UNAUTHENTICATED', instance: url });
          expect(await server.counts()).toEqual(before);
        });
      }

      it('refuses malformed and unknown tokens', async () => {
        for (const authorization of ['Basic cm9vdDpwdw==', 'Bearer', 'Bearer ', `Bearer ${server.tokens.ann} extra`, 'Bearer not-a-session']) {
          const response = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } });
          expect(response.statusCode, authorization).toBe(401);
          expect(response.json().code).toBe('ORDO_ERR_UNAUTHENTICATED');
        }
      });

      it('takes the locale from Accept-Language, else from the user', async () => {
        const own = await server.as('ann', { method: 'GET', url: '/api/auth/me' });
        expect(own.json().user.locale).toBe('zh-CN');
        const asked = await server.as('ann', { method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en-US,en;q=0.8' } });
        expect(asked.json().user.locale).toBe('en');
        const problem = await server.as('ann', { method: 'GET', url: '/api/forms/no-such-form/records' });
        expect(problem.json()).toMatchObject({ code: 'ORDO_ERR_FORM_NOT_FOUND', title: '表单不存在' });
      });

      it('ends a session on logout', async () => {
        const { token } = (await login('vic', API_TEST_PASSWORD)).json();
        const headers = { authorization: `Bearer ${token}` };
        expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
        const after = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers });
        expect(after.statusCode).toBe(401);
      });

      it('answers 401 session expired once the session has been idle too long', async () => {
        const { token } = (await login('vic', API_TEST_PASSWORD)).json();
        const headers = { authorization: `Bearer ${token}` };
        const startedAt = server.clock.now;
        try {
          server.clock.now = new Date(startedAt.getTime() + 9 * 3600_000);
          const expired = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { ...headers, 'accept-language': 'en' } });
          expect(expired.statusCode).toBe(401);
          expect(expired.json()).toMatchObject({ code: 'ORDO_ERR_SESSION_EXPIRED', title: 'Your session has expired; sign in again' });
        } finally {
          server.clock.now = startedAt;
        }
        // Once seen expired the session is gone, even with the clock turned back.
        expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
      });
    });
  });
}
