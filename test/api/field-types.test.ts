import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDefinition, FormDefinition } from '../../engine/definitions/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { MAX_ATTACHMENT_BYTES, UNREFERENCED_ATTACHMENT_MS } from '../../runtime/attachments/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { createServices, type Services } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';

/* Multiple choice, date-time, member, department and attachment fields through the API: uploads, downloads, who may, bad input. */

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const APP: AppDefinition = {
  kind: 'app',
  id: 'kinds-test',
  version: 1,
  title: text('Field kinds', '字段类型'),
  roles: [
    { id: 'admin', title: text('Administrator', '管理员') },
    { id: 'inspector', title: text('Inspector', '检验员') },
    { id: 'viewer', title: text('Viewer', '查看者') },
    { id: 'outsider', title: text('Outsider', '外部') },
  ],
  departments: [
    { id: 'quality', title: text('Quality', '质量部') },
    { id: 'lab', title: text('Lab', '实验室'), parent: 'quality' },
  ],
  navigation: [{ title: text('Quality', '质量'), forms: ['defect'] }],
};

const CAUSES = ['man', 'machine', 'material', 'method'] as const;

const DEFECT: FormDefinition = {
  kind: 'form',
  id: 'defect',
  version: 1,
  title: text('Defect', '缺陷'),
  schema: {
    type: 'object',
    properties: {
      title: { type: 'string', maxLength: 100 },
      causes: { type: 'array', uniqueItems: true, items: { type: 'string', enum: [...CAUSES] } },
      foundAt: { type: 'string', format: 'date-time' },
      owner: { type: 'string', 'x-ordo-field': 'member' },
      department: { type: 'string', 'x-ordo-field': 'department' },
      photos: { type: 'array', 'x-ordo-field': 'attachments', maxItems: 3 },
    },
  },
  options: { causes: Object.fromEntries(CAUSES.map((cause) => [cause, text(`Cause ${cause}`, `原因${cause}`)])) },
  access: { read: ['viewer'], create: ['inspector'], update: ['inspector'] },
  titleField: 'title',
};

const USERS = [
  { username: 'ann', roles: ['inspector'], departments: ['quality'] },
  { username: 'bob', roles: ['inspector'], departments: ['lab'] },
  { username: 'vic', roles: ['viewer'], departments: [] },
  { username: 'oz', roles: ['outsider'], departments: [] },
] as const;
type User = (typeof USERS)[number]['username'];

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really pixels')]);

for (const backend of testDatabases()) {
  describe(`field types on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let app: FastifyInstance;
    const clock = { now: new Date('2026-03-02T08:00:00.000Z') };
    const tokens = new Map<string, string>();

    beforeAll(async () => {
      database = await backend.open();
      services = await createServices(database, { now: () => clock.now });
      await services.definitions.publish({ app: APP, forms: [DEFECT] }, 'system');
      for (const user of USERS) {
        await services.auth.addUser({ username: user.username, displayName: user.username.toUpperCase(), roles: [...user.roles], password: 'pass-word-1', locale: 'en', departments: [...user.departments] });
        tokens.set(user.username, (await services.auth.login(user.username, 'pass-word-1')).token);
      }
      app = await buildServer({ services, database });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const auth = (user: User) => ({ authorization: `Bearer ${tokens.get(user)}` });
    const upload = (user: User, body: Buffer, name = 'crack.png', field = 'photos', form = 'defect') =>
      app.inject({
        method: 'POST',
        url: `/api/forms/${form}/attachments?field=${field}&name=${encodeURIComponent(name)}`,
        headers: { ...auth(user), 'content-type': 'application/octet-stream' },
        payload: body,
      });
    const create = (user: User, data: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/forms/defect/records', headers: { ...auth(user), 'content-type': 'application/json' }, payload: JSON.stringify({ data }) });
    const download = (user: User, id: string) => app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: auth(user) });

    it('uploads a file, keeps its name, size, sniffed type and SHA-256, and gives it back to its uploader only until saved', async () => {
      const response = await upload('ann', PNG, '../../现场 照片.png');
      expect(response.statusCode, response.body).toBe(201);
      const file = response.json();
      expect(file).toEqual({ id: expect.any(String), name: '现场 照片.png', size: PNG.length, type: 'image/png' });
      const mine = await download('ann', file.id);
      expect(mine.statusCode).toBe(200);
      expect(mine.rawPayload.equals(PNG)).toBe(true);
      expect(mine.headers['content-type']).toBe('image/png');
      expect(mine.headers['x-sha256']).toMatch(/^[0-9a-f]{64}$/);
      expect(mine.headers['content-disposition']).toContain("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.png");
      expect((await download('bob', file.id)).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_ATTACHMENT_NOT_FOUND' });
    });

    it('saves a record with every new kind; readers of the form may then download its files, others not', async () => {
      const file = (await upload('ann', PNG)).json();
      const response = await create('ann', {
        title: 'Crack in housing',
        causes: ['machine', 'material'],
        foundAt: '2026-03-02T01:30:00Z',
        owner: 'bob',
        department: 'lab',
        photos: [{ ...file, name: 'renamed-by-client.exe', size: 1 }],
      });
      expect(response.statusCode, response.body).toBe(201);
      const record = response.json();
      // The stored metadata wins over whatever the client claimed.
      expect(record.data.photos).toEqual([file]);
      expect(record.data.causes).toEqual(['machine', 'material']);
      expect((await download('vic', file.id)).statusCode).toBe(200);
      expect((await download('bob', file.id)).statusCode).toBe(200);
      expect((await download('oz', file.id)).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_ATTACHMENT_NOT_FOUND' });
      // Taken by a record, the file cannot be attached to another one.
      const again = await create('ann', { title: 'Copy', photos: [file] });
      expect(again.json()).toMatchObject({ status: 422, code: 'ORDO_ERR_VALIDATION', errors: [{ pointer: '/data/photos/0', code: 'attachment' }] });
    });

    it('refuses unknown users, departments, other people\'s and unknown uploads with field errors, writing nothing', async () => {
      const bobs = (await upload('bob', PNG)).json();
      const response = await create('ann', {
        owner: 'nobody',
        department: 'marketing',
        photos: [bobs, { id: '3f1d2c4b-5a69-4b8e-9a51-0b7c5a3e2f5e', name: 'x.png', size: 1, type: 'image/png' }],
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`).sort()).toEqual([
        '/data/department department',
        '/data/owner member',
        '/data/photos/0 attachment',
        '/data/photos/1 attachment',
      ]);
      const list = await app.inject({ method: 'GET', url: '/api/forms/defect/records?filter=owner:eq:nobody', headers: auth('ann') });
      expect(list.json().total).toBe(0);
    });

    it('answers bad uploads with stable problem codes and never a 500', async () => {
      const big = await upload('ann', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20), 'big.txt');
      expect(big.json()).toMatchObject({ status: 413, code: 'ORDO_ERR_ATTACHMENT_TOO_LARGE', limit: MAX_ATTACHMENT_BYTES });
      const html = await upload('ann', Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png');
      expect(html.json()).toMatchObject({ status: 415, code: 'ORDO_ERR_ATTACHMENT_TYPE' });
      const svg = await upload('ann', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg');
      expect(svg.json()).toMatchObject({ status: 415, code: 'ORDO_ERR_ATTACHMENT_TYPE' });
      expect((await upload('ann', Buffer.alloc(0))).json()).toMatchObject({ status: 400, code: 'ORDO_ERR_ATTACHMENT_EMPTY' });
      expect((await upload('ann', PNG, 'a.png', 'title')).json()).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID' });
      expect((await upload('vic', PNG)).json()).toMatchObject({ status: 403, code: 'ORDO_ERR_FORBIDDEN' });
      expect((await upload('ann', PNG, 'a.png', 'photos', 'nope')).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_FORM_NOT_FOUND' });
      expect((await download('ann', 'not-a-uuid')).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_ATTACHMENT_NOT_FOUND' });
      expect((await download('ann', '3f1d2c4b-5a69-4b8e-9a51-0b7c5a3e2f5e')).json()).toMatchObject({ status: 404, code: 'ORDO_ERR_ATTACHMENT_NOT_FOUND' });
      const csv = await upload('ann', Buffer.from('lot,qty\nL1,4\n'), 'measure.csv');
      expect(csv.json()).toMatchObject({ type: 'text/csv' });
      const anonymous = await app.inject({ method: 'POST', url: '/api/forms/defect/attachments?field=photos&name=a.png', payload: PNG, headers: { 'content-type': 'image/png' } });
      expect(anonymous.statusCode).toBe(401);
    });

    it('lists the users for member pickers and filters multiple choices by membership', async () => {
      const users = await app.inject({ method: 'GET', url: '/api/users', headers: auth('vic') });
      expect(users.json().items).toContainEqual({ username: 'bob', displayName: 'BOB', departments: ['lab'] });
      await create('ann', { title: 'membership: machine', causes: ['machine', 'method'] });
      await create('ann', { title: 'membership: man', causes: ['man'] });
      await create('ann', { title: 'membership: none' });
      const titles = async (filter: string) => {
        const page = await app.inject({ method: 'GET', url: `/api/forms/defect/records?filter=title:contains:membership&filter=${filter}&sort=title`, headers: auth('ann') });
        expect(page.statusCode, page.body).toBe(200);
        return page.json().items.map((item: { data: { title: string } }) => item.data.title);
      };
      expect(await titles('causes:eq:machine')).toEqual(['membership: machine']);
      expect(await titles('causes:ne:machine')).toEqual(['membership: man', 'membership: none']);
      const refused = await app.inject({ method: 'GET', url: '/api/forms/defect/records?filter=causes:gt:machine', headers: auth('ann') });
      expect(refused.json()).toMatchObject({ status: 400, code: 'ORDO_ERR_REQUEST_INVALID', errors: [{ pointer: '/query/filter/0' }] });
    });

    it('round-trips any subset of choices through save, read and CSV export with the labels', async () => {
      await fc.assert(
        fc.asyncProperty(fc.subarray([...CAUSES]), async (causes) => {
          const response = await create('ann', { title: `subset ${causes.join('+')}`, causes });
          expect(response.statusCode, response.body).toBe(201);
          const { id } = response.json();
          const read = await app.inject({ method: 'GET', url: `/api/forms/defect/records/${id}`, headers: auth('vic') });
          expect(read.json().data.causes ?? []).toEqual(causes);
          const csv = await app.inject({
            method: 'GET',
            url: `/api/records/defect/export?format=csv&locale=en&fields=title,causes&filter=${encodeURIComponent(`title:eq:subset ${causes.join('+')}`)}`,
            headers: auth('vic'),
          });
          expect(csv.statusCode, csv.body).toBe(200);
          const row = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/)[1] ?? '';
          expect(row).toContain(causes.map((cause) => `Cause ${cause}`).join(', '));
        }),
        { numRuns: 12 },
      );
    });

    it('purges uploads no record took within a day, and keeps saved ones', async () => {
      const abandoned = (await upload('ann', PNG)).json();
      const kept = (await upload('ann', PNG)).json();
      expect((await create('ann', { title: 'Kept', photos: [kept] })).statusCode).toBe(201);
      clock.now = new Date(clock.now.getTime() + UNREFERENCED_ATTACHMENT_MS + 1000);
      tokens.set('ann', (await services.auth.login('ann', 'pass-word-1')).token);
      await upload('ann', PNG);
      expect((await download('ann', abandoned.id)).statusCode).toBe(404);
      expect((await download('ann', kept.id)).statusCode).toBe(200);
    });
  });
}
