import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

/* The form designer's drafts and publishing: byte-for-byte storage, versions, who may, and the checks of `ordo validate`. */

// Deliberately odd whitespace and key order: the draft must come back exactly as sent.
const inspectionV1 = `{
  "kind": "form",   "id": "incoming-inspection",
  "version": 1,
  "title": { "zh-CN": "来料检验", "en": "Incoming inspection" },
  "schema": {
    "type": "object",
    "required": ["lot"],
    "properties": {
      "lot": { "type": "string", "maxLength": 40 },
      "quantity": { "type": "number", "minimum": 0 }
    }
  },
  "labels": {
    "lot": { "zh-CN": "批次号", "en": "Lot" },
    "quantity": { "en": "Quantity", "zh-CN": "数量" }
  }
}
`;

function withField(text: string): string {
  return text.replace('"quantity": { "type": "number", "minimum": 0 }', '"quantity": { "type": "number", "minimum": 0 },\n      "inspector": { "type": "string", "maxLength": 40 }');
}

for (const backend of testDatabases()) {
  describe(`form designer drafts and publishing on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let app: FastifyInstance;
    const tokens = new Map<string, string>();

    beforeAll(async () => {
      const factory = await openShippedFactory(backend);
      database = factory.database;
      app = await buildServer({ services: factory.services, database });
      for (const username of ['admin', 'huang.li']) {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'ordo-demo' } });
        tokens.set(username, login.json().token);
      }
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const as = (username: string) => ({ authorization: `Bearer ${tokens.get(username)}` });
    const save = (body: string, username = 'admin') =>
      app.inject({ method: 'PUT', url: '/api/designer/drafts/form/incoming-inspection', headers: as(username), payload: { body } });
    const publish = (username = 'admin') => app.inject({ method: 'POST', url: '/api/designer/drafts/form/incoming-inspection/publish', headers: as(username) });

    it('gives the saved draft back byte for byte, and keeps it so in the json column', async () => {
      expect((await save(inspectionV1)).statusCode).toBe(200);
      const read = await app.inject({ method: 'GET', url: '/api/designer/drafts/form/incoming-inspection', headers: as('admin') });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: 'incoming-inspection', source: 'draft', body: inspectionV1, publishedVersion: null, updatedBy: 'admin' });
      const stored = await sql<{ body: string }>`select body::text as body from ordo_definition_drafts where id = 'incoming-inspection'`.execute(database.db);
      expect(stored.rows[0]?.body).toBe(inspectionV1);
    });

    it('lists published forms and drafts, marking unpublished changes', async () => {
      const list = await app.inject({ method: 'GET', url: '/api/designer/forms', headers: as('admin') });
      const items: { id: string; publishedVersion: number | null; draft: { unpublishedChanges: boolean } | null }[] = list.json().items;
      expect(items.find((item) => item.id === 'incoming-inspection')).toMatchObject({ publishedVersion: null, draft: { unpublishedChanges: true } });
      expect(items.find((item) => item.id === 'sales-order')).toMatchObject({ publishedVersion: 1, draft: null });
    });

    it('refuses every designer route to a role that may not design', async () => {
      expect((await save(inspectionV1, 'huang.li')).statusCode).toBe(403);
      expect((await publish('huang.li')).statusCode).toBe(403);
      const list = await app.inject({ method: 'GET', url: '/api/designer/forms', headers: as('huang.li') });
      expect(list.statusCode).toBe(403);
      expect(list.json().code).toBe('ORDO_ERR_FORBIDDEN');
    });

    it('answers an invalid draft with 400 and pointers, and publishes nothing', async () => {
      const broken = inspectionV1.replace('"type": "number", "minimum": 0', '"type": "number", "minimum": "zero"').replace('"title": {', '"colour": "red", "title": {');
      expect((await save(broken)).statusCode).toBe(200);
      const response = await publish();
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe('ORDO_ERR_DRAFT_INVALID');
      expect(problem.errors.map((error: { pointer: string }) => error.pointer)).toContain('/colour');
      const notJson = await save('{"kind": "form", ');
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().errors[0].pointer).toBe('/body');
      const wrongId = await save(inspectionV1.replace('"id": "incoming-inspection"', '"id": "other-form"'));
      expect(wrongId.json().errors[0].pointer).toBe('/id');
      const count = await sql<{ n: number }>`select count(*)::int as n from ordo_definitions where id = 'incoming-inspection'`.execute(database.db);
      expect(count.rows[0]?.n).toBe(0);
    });

    it('publishes version n+1 with the keys in the draft order, audited; records keep their version', async () => {
      await save(inspectionV1);
      const first = await publish();
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ id: 'incoming-inspection', version: 1, published: true });
      const created = await app.inject({ method: 'POST', url: '/api/forms/incoming-inspection/records', headers: as('admin'), payload: { data: { lot: 'L-1', quantity: 5 } } });
      expect(created.statusCode).toBe(201);

      await save(withField(inspectionV1));
      const second = await publish();
      expect(second.json()).toEqual({ id: 'incoming-inspection', version: 2, published: true });
      const stored = await sql<{ body: string }>`select body::text as body from ordo_definitions where id = 'incoming-inspection' and version = 2`.execute(database.db);
      expect(stored.rows[0]?.body).toBe(JSON.stringify({ ...JSON.parse(withField(inspectionV1)), version: 2 }));

      const record = await app.inject({ method: 'GET', url: `/api/forms/incoming-inspection/records/${created.json().id}`, headers: as('admin') });
      expect(record.json().formVersion).toBe(1);
      const audit = await sql<{ actor_username: string; detail: { published: string[] } }>`select actor_username, detail from ordo_audit where action = 'definitions.publish' order by seq desc limit 1`.execute(database.db);
      expect(audit.rows[0]).toEqual({ actor_username: 'admin', detail: { published: ['incoming-inspection'] } });

      const again = await publish();
      expect(again.json()).toEqual({ id: 'incoming-inspection', version: 2, published: false });
      const list = await app.inject({ method: 'GET', url: '/api/designer/forms', headers: as('admin') });
      expect(list.json().items.find((item: { id: string }) => item.id === 'incoming-inspection')).toMatchObject({ publishedVersion: 2, draft: { unpublishedChanges: false } });
    });

    it('refuses a draft that would break a published workflow using one of its fields', async () => {
      const read = await app.inject({ method: 'GET', url: '/api/designer/drafts/form/ncr', headers: as('admin') });
      expect(read.json().source).toBe('published');
      const ncr = JSON.parse(read.json().body);
      delete ncr.schema.properties.status;
      ncr.uiSchema['ui:order'] = ncr.uiSchema['ui:order'].filter((name: string) => name !== 'status');
      delete ncr.labels.status;
      delete ncr.help.status;
      delete ncr.options?.status;
      await app.inject({ method: 'PUT', url: '/api/designer/drafts/form/ncr', headers: as('admin'), payload: { body: JSON.stringify(ncr, null, 2) } });
      const response = await app.inject({ method: 'POST', url: '/api/designer/drafts/form/ncr/publish', headers: as('admin') });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.some((error: { code: string; message: string }) => error.code === 'dependent' && error.message.includes('status'))).toBe(true);
    });
  });
}
