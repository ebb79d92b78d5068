import type { FastifyPluginAsync } from 'fastify';
import { toRecordQuery, type ListQueryString } from './record-query.js';
import {
  createBody,
  deleteQuery,
  formParams,
  idempotencyHeaders,
  listQuery,
  patchBody,
  recordParams,
  validateBody,
} from './record-schemas.js';
import { actorOf } from './request-actor.js';
import type { Services } from '../services/index.js';

export interface RecordRoutesOptions {
  services: Services;
}

interface FormParams {
  form: string;
}
interface RecordParams extends FormParams {
  id: string;
}
type Data = Record<string, unknown>;

const tags = ['records'];

export const recordRoutes: FastifyPluginAsync<RecordRoutesOptions> = async (app, { services }) => {
  const { records } = services;

  app.get<{ Params: FormParams; Querystring: ListQueryString }>(
    '/api/forms/:form/records',
    { schema: { tags, summary: 'List records', params: formParams, querystring: listQuery } },
    async (request) => records.list(actorOf(request), request.params.form, toRecordQuery(request.query)),
  );

  app.post<{ Params: FormParams; Body: { data: Data }; Headers: { 'idempotency-key'?: string } }>(
    '/api/forms/:form/records',
    { schema: { tags, summary: 'Create a record', params: formParams, headers: idempotencyHeaders, body: createBody } },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { record, replayed } = await records.create(
        actorOf(request),
        request.params.form,
        request.body.data,
        key === undefined ? {} : { idempotencyKey: key },
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(record);
    },
  );

  app.get<{ Params: RecordParams }>(
    '/api/forms/:form/records/:id',
    { schema: { tags, summary: 'Read a record', params: recordParams } },
    async (request) => records.get(actorOf(request), request.params.form, request.params.id),
  );

  app.patch<{ Params: RecordParams; Body: { revision: number; data: Data } }>(
    '/api/forms/:form/records/:id',
    { schema: { tags, summary: 'Change fields of a record (top-level merge)', params: recordParams, body: patchBody } },
    async (request) =>
      records.update(actorOf(request), request.params.form, request.params.id, request.body.revision, request.body.data),
  );

  app.delete<{ Params: RecordParams; Querystring: { revision: number } }>(
    '/api/forms/:form/records/:id',
    { schema: { tags, summary: 'Delete a record (kept in history)', params: recordParams, querystring: deleteQuery } },
    async (request, reply) => {
      await records.remove(actorOf(request), request.params.form, request.params.id, request.query.revision);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: RecordParams }>(
    '/api/forms/:form/records/:id/history',
    { schema: { tags, summary: 'Every revision of a record', params: recordParams } },
    async (request) => records.history(actorOf(request), request.params.form, request.params.id),
  );

  app.post<{ Params: FormParams; Body: { data: Data; id?: string } }>(
    '/api/forms/:form/validate',
    { schema: { tags, summary: 'Dry run: computed values, field states and errors', params: formParams, body: validateBody } },
    async (request) => records.validate(actorOf(request), request.params.form, request.body.data, request.body.id),
  );
};
