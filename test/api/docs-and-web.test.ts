import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseSchema } from '../../runtime/db/index.js';
import { CONTENT_SECURITY_POLICY, buildServer } from '../../runtime/http/index.js';
import { PART_FORM, WORK_ORDER_FORM } from '../support/api-fixture.js';
import { testDatabases } from '../support/database.js';
import { startApiTestServer, type ApiTestServer } from '../support/api-server.js';

const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/app-1234.js"></script></head><body><div id="root"></div></body></html>';

let server: ApiTestServer;
let webRoot: string;

for (const backend of testDatabases()) {
  describe(backend.name, () => {
    beforeAll(async () => {
      webRoot = mkdtempSync(path.join(tmpdir(), 'ordo-web-'));
      mkdirSync(path.join(webRoot, 'assets'));
      writeFileSync(path.join(webRoot, 'index.html'), INDEX_HTML);
      writeFileSync(path.join(webRoot, 'assets', 'app-1234.js'), 'console.log("ordo")');
      writeFileSync(path.join(webRoot, '.env'), 'SECRET=1');
      server = await startApiTestServer(backend, { webRoot });
    });
    afterAll(async () => {
      await server?.close();
      rmSync(webRoot, { recursive: true, force: true });
    });

    describe('OpenAPI', () => {
      it('GET /docs/json describes every published form with its data schema and record routes', async () => {
        const response = await server.app.inject({ method: 'GET', url: '/docs/json' });
        expect(response.statusCode).toBe(200);
        const document = response.json();
        expect(document.openapi).toBe('3.1.0');
        for (const form of [PART_FORM, WORK_ORDER_FORM]) {
          const data = document.components.schemas[`${form.id}.data`];
          expect(data.properties).toEqual(form.schema.properties);
          expect(document.paths[`/api/forms/${form.id}/records`].post.requestBody.content['application/json'].schema.properties.data).toEqual({
            $ref: `#/components/schemas/${form.id}.data`,
          });
          expect(Object.keys(document.paths[`/api/forms/${form.id}/records/{id}`]).sort()).toEqual(['delete', 'get', 'patch']);
        }
        expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/forms/{form}/records', '/api/health']));
        expect(document.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
      });

      it('shows a newly published form without a restart', async () => {
        const extra = { ...PART_FORM, id: 'machine', title: { en: 'Machine', 'zh-CN': '设备' } };
        await server.services.definitions.publish({ forms: [extra] }, 'system');
        const document = (await server.app.inject({ method: 'GET', url: '/docs/json' })).json();
        expect(document.components.schemas['machine.data']).toBeDefined();
        expect(document.paths['/api/forms/machine/records']).toBeDefined();
      });

      it('serves Swagger UI at /docs under the same strict CSP', async () => {
        const response = await server.app.inject({ method: 'GET', url: '/docs/' });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        // Every script is a file from 'self'; an inline one would be blocked by the policy.
        expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      });
    });

    describe('health', () => {
      it('reports the database', async () => {
        const response = await server.app.inject({ method: 'GET', url: '/api/health' });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
      });

      it('answers 503 problem+json when the database does not answer, without its error text', async () => {
        // Port 1 refuses connections at once: a database that is down, not one that is slow.
        const pool = new pg.Pool({ connectionString: 'postgres://ordo@127.0.0.1:1/ordo' });
        const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
        const app = await buildServer({ services: server.services, database: { db, dialect: 'postgres', close: () => db.destroy() } });
        try {
          const response = await app.inject({ method: 'GET', url: '/api/health' });
          expect(response.statusCode).toBe(503);
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(response.json()).toMatchObject({ code: 'ORDO_ERR_DATABASE_UNAVAILABLE', database: 'unavailable' });
          expect(response.body).not.toContain('ECONNREFUSED');
        } finally {
          await app.close();
          await db.destroy();
        }
      });
    });

    describe('web app', () => {
      it('serves index.html at / with the CSP and security headers', async () => {
        const response = await server.app.inject({ method: 'GET', url: '/' });
        expect(response.statusCode).toBe(200);
        expect(response.body).toBe(INDEX_HTML);
        expect(response.headers['content-security-policy']).toBe(
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
        );
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('no-referrer');
      });

      it('serves assets and falls back to index.html for app paths only', async () => {
        const asset = await server.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
        expect(asset.statusCode).toBe(200);
        expect(asset.headers['content-type']).toMatch(/javascript/);
        const appPath = await server.app.inject({ method: 'GET', url: '/forms/work-order/records/abc' });
        expect(appPath.statusCode).toBe(200);
        expect(appPath.body).toBe(INDEX_HTML);
        expect(appPath.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        for (const url of ['/assets/missing.js', '/api/unknown', '/docs/unknown', '/.env']) {
          const response = await server.app.inject({ method: 'GET', url });
          expect(response.statusCode, url).toBe(404);
          expect(response.body).not.toContain('SECRET');
        }
        const post = await server.app.inject({ method: 'POST', url: '/forms/x', headers: { 'content-type': 'application/json' }, payload: '{}' });
        expect(post.statusCode).toBe(404);
      });

      it('says the web app is not built when webRoot has no index.html', async () => {
        const empty = mkdtempSync(path.join(tmpdir(), 'ordo-empty-'));
        const app = await buildServer({ services: server.services, webRoot: empty });
        try {
          const response = await app.inject({ method: 'GET', url: '/' });
          expect(response.statusCode).toBe(200);
          expect(response.body).toContain('not built');
          expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
          expect((await app.inject({ method: 'GET', url: '/orders/1' })).statusCode).toBe(404);
        } finally {
          await app.close();
          rmSync(empty, { recursive: true, force: true });
        }
      });
    });
  });
}
