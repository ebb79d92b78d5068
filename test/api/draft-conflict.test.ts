import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedApi, type ShippedApi } from '../support/shipped-api.js';

/* Two designers on one draft: a save that would overwrite the other's changes unseen is refused with 409; the published version to compare with. */

const URL = '/api/designer/drafts/form/ncr';

for (const backend of testDatabases()) {
  describe(`draft conflicts on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let app: FastifyInstance;
    let as: ShippedApi['as'];

    beforeAll(async () => {
      ({ app, database, as } = await openShippedApi(backend, ['admin', 'ma.lin']));
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const load = async (username: string) => (await app.inject({ method: 'GET', url: URL, headers: as(username) })).json() as { body: string; updatedAt: string | null; updatedBy: string | null };
    const save = (username: string, body: string, expectedUpdatedAt?: string | null) =>
      app.inject({ method: 'PUT', url: URL, headers: as(username), payload: expectedUpdatedAt === undefined ? { body } : { body, expectedUpdatedAt } });
    const retitled = (body: string, en: string) => body.replace(/"en": "[^"]*"/, `"en": "${en}"`);

    it('saves when the draft is as it was loaded, and refuses with 409 when someone saved it since', async () => {
      const admin = await load('admin');
      expect(admin.updatedAt).toBeNull();
      const first = await save('admin', retitled(admin.body, 'NCR (admin)'), null);
      expect(first.statusCode).toBe(200);

      const quality = await load('ma.lin');
      expect(quality.updatedBy).toBe('admin');
      const second = await save('admin', retitled(admin.body, 'NCR (admin again)'), first.json().updatedAt);
      expect(second.statusCode).toBe(200);

      const late = await save('ma.lin', retitled(quality.body, 'NCR (ma.lin)'), quality.updatedAt);
      expect(late.statusCode).toBe(409);
      expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(late.json()).toMatchObject({ code: 'ORDO_ERR_DRAFT_CONFLICT', status: 409, updatedBy: 'admin', updatedAt: second.json().updatedAt });
      expect((await load('admin')).body).toBe(retitled(admin.body, 'NCR (admin again)'));

      // "There was no draft" is stale too once one exists.
      expect((await save('ma.lin', quality.body, null)).statusCode).toBe(409);
      expect((await save('ma.lin', quality.body, 'yesterday')).json()).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID' });
      // Without the token the designer chose to overwrite.
      const overwrite = await save('ma.lin', retitled(quality.body, 'NCR (ma.lin)'));
      expect(overwrite.statusCode).toBe(200);
      expect((await load('admin')).updatedBy).toBe('ma.lin');
    });

    it('lets exactly one of two saves from the same version win', async () => {
      const base = await load('admin');
      const answers = await Promise.all([save('admin', retitled(base.body, 'A'), base.updatedAt), save('ma.lin', retitled(base.body, 'B'), base.updatedAt)]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
      const winner = answers.find((answer) => answer.statusCode === 200);
      expect((await load('admin')).body).toBe(winner?.json().body);
    });

    it('gives the latest published version to compare with, and 404 for a form never published', async () => {
      const published = await app.inject({ method: 'GET', url: '/api/designer/published/form/ncr', headers: as('ma.lin') });
      expect(published.statusCode).toBe(200);
      const { version, body } = published.json() as { version: number; body: string };
      expect(version).toBe(1);
      expect(JSON.parse(body)).toMatchObject({ kind: 'form', id: 'ncr', version: 1 });
      expect(body).toBe(JSON.stringify(JSON.parse(body), null, 2));
      const missing = await app.inject({ method: 'GET', url: '/api/designer/published/form/no-such-form', headers: as('admin') });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('ORDO_ERR_FORM_NOT_FOUND');
    });
  });
}
