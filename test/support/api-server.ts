import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer, type BuildServerOptions } from '../../runtime/http/index.js';
import { createServices, type Services } from '../../runtime/services/index.js';
import { countRows, type TableCounts, type TestBackend } from './database.js';
import { API_TEST_APP, API_TEST_PASSWORD, API_TEST_USERS, PART_FORM, WORK_ORDER_FORM, type ApiTestUser } from './api-fixture.js';

export type { TableCounts } from './database.js';

export interface ApiTestServer {
  app: FastifyInstance;
  database: OrdoDatabase;
  services: Services;
  /** The services' clock; tests move it to expire sessions. */
  clock: { now: Date };
  /** A bearer token for each fixture user, signed in once. */
  tokens: Record<ApiTestUser, string>;
  /** inject() as a user: adds the Authorization header and sends `json` as an application/json body. */
  as(user: ApiTestUser, options: Omit<InjectOptions, 'body' | 'payload'> & { json?: unknown }): Promise<LightMyRequestResponse>;
  counts(): Promise<TableCounts>;
  close(): Promise<void>;
}

/**
 * The server over one fresh database of `backend` (from testDatabases()), with the fixture app
 * published, its users added and each signed in once.
 */
export async function startApiTestServer(
  backend: TestBackend,
  options: Partial<Omit<BuildServerOptions, 'services' | 'database'>> = {},
): Promise<ApiTestServer> {
  const database = await backend.open();
  const clock = { now: new Date('2026-03-02T08:00:00.000Z') };
  const services = await createServices(database, { now: () => clock.now });
  await services.definitions.publish({ app: API_TEST_APP, forms: [PART_FORM, WORK_ORDER_FORM] }, 'system');
  const tokens = {} as Record<ApiTestUser, string>;
  for (const user of API_TEST_USERS) {
    await services.auth.addUser({ username: user.username, displayName: user.username.toUpperCase(), roles: [...user.roles], password: API_TEST_PASSWORD, locale: user.locale });
    tokens[user.username] = (await services.auth.login(user.username, API_TEST_PASSWORD)).token;
  }
  const app = await buildServer({ services, database, ...options });
  return {
    app,
    database,
    services,
    clock,
    tokens,
    as(user, { json, headers, ...rest }) {
      const payload = json === undefined ? {} : { payload: JSON.stringify(json) };
      const type = json === undefined ? {} : { 'content-type': 'application/json' };
      return app.inject({ ...rest, ...payload, headers: { ...type, ...headers, authorization: `Bearer ${tokens[user]}` } });
    },
    async counts() {
      return countRows(database);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
