import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedApi, type ShippedApi } from '../support/shipped-api.js';

/* The designer's drafts and publishing (forms, workflows, reports): byte-for-byte storage, versions, who may, and the checks of `ordo validate`. */

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
  describe(`designer drafts and publishing on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let app: FastifyInstance;
    let as: ShippedApi['as'];

    beforeAll(async () => {
      ({ app, database, as } = await openShippedApi(backend, ['admin', 'huang.li']));
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

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

    it('publishes the navigation group a form chose with the form, and refuses one the app does not have', async () => {
      const placed = (group: string) => `${withField(inspectionV1).trimEnd().slice(0, -1)},\n  "navGroup": "${group}"\n}\n`;
      await save(placed('warehouse'));
      const refused = await publish();
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([expect.objectContaining({ pointer: '/navGroup', message: 'no navigation group "warehouse" in the app' })]);
      await save(placed('quality'));
      const published = await publish();
      expect(published.json()).toEqual({ id: 'incoming-inspection', version: 3, published: true });
      const definitions = await app.inject({ method: 'GET', url: '/api/definitions', headers: as('admin') });
      expect(definitions.json().forms.find((form: { id: string }) => form.id === 'incoming-inspection').navGroup).toBe('quality');
      const audit = await sql<{ detail: { published: string[] } }>`select detail from ordo_audit where action = 'definitions.publish' order by seq desc limit 1`.execute(database.db);
      expect(audit.rows[0]?.detail).toEqual({ published: ['incoming-inspection'] });
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

    const draftOf = async (kind: string, id: string) => (await app.inject({ method: 'GET', url: `/api/designer/drafts/${kind}/${id}`, headers: as('admin') })).json();
    const saveAs = (kind: string, id: string, body: string) => app.inject({ method: 'PUT', url: `/api/designer/drafts/${kind}/${id}`, headers: as('admin'), payload: { body } });
    const publishAs = (kind: string, id: string) => app.inject({ method: 'POST', url: `/api/designer/drafts/${kind}/${id}/publish`, headers: as('admin') });

    it('publishes a workflow draft as the next version and points into the draft when a transition targets no state', async () => {
      const ncr = JSON.parse((await draftOf('workflow', 'ncr')).body);
      const version = ncr.version;
      ncr.states.open.on.submit[1].target = 'nowhere';
      await saveAs('workflow', 'ncr', JSON.stringify(ncr, null, 2));
      const refused = await publishAs('workflow', 'ncr');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.some((error: { pointer: string; code: string }) => error.code === 'unknownState' && error.pointer.startsWith('/states/open/on/submit/1'))).toBe(true);

      ncr.states.open.on.submit[1].target = 'containment';
      ncr.title.en = 'Non-conformance handling (revised)';
      await saveAs('workflow', 'ncr', JSON.stringify(ncr, null, 2));
      const published = await publishAs('workflow', 'ncr');
      expect(published.json()).toEqual({ id: 'ncr', version: version + 1, published: true });
      const list = await app.inject({ method: 'GET', url: '/api/designer/workflows', headers: as('admin') });
      expect(list.json().items.find((item: { id: string }) => item.id === 'ncr')).toMatchObject({ publishedVersion: version + 1, title: { en: 'Non-conformance handling (revised)' } });
    });

    it('names each workflow\'s form in the designer list, from the draft when there is one', async () => {
      const production = JSON.parse((await draftOf('workflow', 'production-order')).body);
      await saveAs('workflow', 'draft-only-flow', JSON.stringify({ ...production, id: 'draft-only-flow', form: 'ncr' }, null, 2));
      const list = await app.inject({ method: 'GET', url: '/api/designer/workflows', headers: as('admin') });
      const items: { id: string; form?: { id: string; title: { en: string } } }[] = list.json().items;
      expect(items.find((item) => item.id === 'production-order')?.form).toMatchObject({ id: 'production-order', title: { en: expect.any(String) } });
      expect(items.find((item) => item.id === 'draft-only-flow')?.form?.id).toBe('ncr');
      expect(items.every((item) => item.form !== undefined)).toBe(true);
      const forms = await app.inject({ method: 'GET', url: '/api/designer/forms', headers: as('admin') });
      expect(forms.json().items.some((item: { form?: unknown }) => item.form !== undefined)).toBe(false);
    });

    it('keeps a workflow draft\'s layout beside its text, trimmed to its states, and refuses a malformed one', async () => {
      const put = (payload: Record<string, unknown>, kind = 'workflow', id = 'sales-order-lifecycle') => app.inject({ method: 'PUT', url: `/api/designer/drafts/${kind}/${id}`, headers: as('admin'), payload });
      const published = await draftOf('workflow', 'sales-order-lifecycle');
      expect(published.layout).toBeNull();
      const text = published.body as string;
      const first = Object.keys(JSON.parse(text).states)[0]!;
      const layout = {
        nodes: { [first]: { x: 12.5, y: -40, width: 210, height: 74 }, '^start': { x: 0, y: -120, width: 36, height: 36 }, gone: { x: 1, y: 1, width: 10, height: 10 } },
        routes: { [`${first}>on:x:0`]: { source: first, target: first, points: [[0, 0], [10, 20]], label: [5, 10] }, [`gone>on:y:0`]: { source: 'gone', target: first, points: [[0, 0], [1, 1]] } },
      };
      const saved = await put({ body: text, layout });
      expect(saved.statusCode).toBe(200);
      const trimmed = { nodes: { [first]: layout.nodes[first], '^start': layout.nodes['^start'] }, routes: { [`${first}>on:x:0`]: layout.routes[`${first}>on:x:0`] } };
      expect(saved.json().layout).toEqual(trimmed);
      const read = await draftOf('workflow', 'sales-order-lifecycle');
      expect(read.body).toBe(text);
      expect(read.layout).toEqual(trimmed);

      // A save without a layout keeps the saved one, trimmed to the new text's states: a renamed state's box goes.
      const renamed = text.replaceAll(`"${first}"`, '"renamed-first"');
      expect((await put({ body: renamed })).json().layout).toEqual({ nodes: { '^start': layout.nodes['^start'] }, routes: {} });
      expect((await draftOf('workflow', 'sales-order-lifecycle')).layout).toEqual({ nodes: { '^start': layout.nodes['^start'] }, routes: {} });
      expect((await put({ body: text, layout: null })).json().layout).toBeNull();
      expect((await draftOf('workflow', 'sales-order-lifecycle')).layout).toBeNull();

      const bad = await put({ body: text, layout: { nodes: { [first]: { x: 'left', y: 0, width: 0, height: 10 } }, routes: { e: { source: first, target: first, points: [[0, 0]] } }, zoom: 2 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('ORDO_ERR_DRAFT_INVALID');
      expect(bad.json().errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([`/layout/nodes/${first}/width`, `/layout/nodes/${first}/x`, '/layout/routes/e/points', '/layout/zoom'].sort());
      const form = JSON.parse((await draftOf('form', 'ncr')).body);
      const onForm = await put({ body: JSON.stringify(form), layout: { nodes: {}, routes: {} } }, 'form', 'ncr');
      expect(onForm.statusCode).toBe(400);
      expect(onForm.json().errors[0].pointer).toBe('/layout');
      expect((await draftOf('workflow', 'sales-order-lifecycle')).layout).toBeNull();
    });

    it('keeps report drafts apart from forms and refuses a body of another kind or an unknown kind', async () => {
      const report = JSON.parse((await draftOf('report', 'ncr-by-cause')).body);
      expect(report.kind).toBe('report');
      const wrongKind = await saveAs('report', 'ncr-by-cause', JSON.stringify({ ...report, kind: 'form' }));
      expect(wrongKind.statusCode).toBe(400);
      expect(wrongKind.json().errors[0].pointer).toBe('/kind');
      const unknownKind = await app.inject({ method: 'GET', url: '/api/designer/drafts/widget/ncr', headers: as('admin') });
      expect(unknownKind.statusCode).toBe(400);
      const missing = await app.inject({ method: 'GET', url: '/api/designer/drafts/report/no-such-report', headers: as('admin') });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('ORDO_ERR_REPORT_NOT_FOUND');

      await saveAs('report', 'ncr-by-cause', JSON.stringify({ ...report, title: { 'zh-CN': '不合格按原因', en: 'NCRs by cause' } }, null, 2));
      const published = await publishAs('report', 'ncr-by-cause');
      expect(published.statusCode).toBe(200);
      const reports = await app.inject({ method: 'GET', url: '/api/reports', headers: as('admin') });
      expect(JSON.stringify(reports.json())).toContain('NCRs by cause');
    });
  });
}
