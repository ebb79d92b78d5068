import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES, isImageType, tooLarge } from '../attachments/index.js';
import type { Services } from '../services/index.js';
import { sendDownload } from './download.js';
import { handleError } from './error-handler.js';
import { formParams } from './record-schemas.js';
import { actorOf } from './request-actor.js';

export interface AttachmentRoutesOptions {
  services: Services;
}

const uploadQuery = {
  type: 'object',
  required: ['field', 'name'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9_]*$', maxLength: 100, description: 'The attachment field the file is for' },
    name: { type: 'string', minLength: 1, maxLength: 1000, description: 'The file name, kept (without any folder) for downloads' },
  },
} as const;

const attachmentParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;

const attachmentValue = {
  type: 'object',
  required: ['id', 'name', 'size', 'type'],
  properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, size: { type: 'integer' }, type: { type: 'string' } },
} as const;

/**
 * Uploads take the file itself as the body (any Content-Type: the server sniffs the content), not
 * multipart: one file per request keeps the route simple and lets the browser stream a File as is.
 * This plugin replaces the JSON-only body parser for its own routes only.
 */
export const attachmentRoutes: FastifyPluginAsync<AttachmentRoutesOptions> = async (app, { services }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const code = (error as { code?: unknown }).code;
    return handleError(code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? tooLarge() : error, request, reply);
  });

  app.post<{ Params: { form: string }; Querystring: { field: string; name: string } }>(
    '/api/forms/:form/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags: ['attachments'],
        summary: 'Uploads one file for an attachment field; the body is the file (at most 20 MiB). Put the answer into the field\'s list and save the record within a day',
        params: formParams,
        querystring: uploadQuery,
        response: { 201: attachmentValue },
      },
    },
    async (request, reply) => {
      const body = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
      const value = await services.attachments.upload(actorOf(request), request.params.form, request.query.field, request.query.name, body);
      return reply.code(201).send(value);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/attachments/:id',
    { schema: { tags: ['attachments'], summary: 'Downloads an attachment: the uploader before its record is saved, then whoever may read the record\'s form and field', params: attachmentParams } },
    async (request, reply) => {
      const file = await services.attachments.download(actorOf(request), request.params.id);
      reply.header('x-sha256', file.sha256);
      return sendDownload(reply, file.content, file.type, file.name, isImageType(file.type) || file.type === 'application/pdf');
    },
  );
};
