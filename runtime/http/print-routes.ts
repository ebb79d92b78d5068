import type { FastifyPluginAsync } from 'fastify';
import type { Locale } from '../../engine/errors/index.js';
import type { PrintService } from '../printing/index.js';
import { sendDownload } from './download.js';
import { formParams } from './record-schemas.js';
import { actorOf } from './request-actor.js';

export interface PrintRoutesOptions {
  print: PrintService;
}

interface PrintParams {
  form: string;
  id: string;
  template: string;
}

const ID = { type: 'string', minLength: 1, maxLength: 100 } as const;

const printParams = {
  type: 'object',
  required: ['form', 'id', 'template'],
  additionalProperties: false,
  properties: { form: formParams.properties.form, id: ID, template: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 63 } },
} as const;

const printQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['html', 'pdf'], default: 'html' },
    locale: { type: 'string', enum: ['zh-CN', 'en'], description: 'Language of the document; the user\'s by default' },
  },
} as const;

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { form: { type: 'string', maxLength: 63 } },
} as const;

export const printRoutes: FastifyPluginAsync<PrintRoutesOptions> = async (app, { print }) => {
  const tags = ['printing'];

  app.get<{ Querystring: { form?: string } }>(
    '/api/print-templates',
    { schema: { tags, summary: 'Print templates the user may use, of one form with ?form=', querystring: listQuery } },
    async (request) => ({ items: print.templates(actorOf(request), request.query.form) }),
  );

  app.get<{ Params: PrintParams; Querystring: { format: 'html' | 'pdf'; locale?: Locale } }>(
    '/api/records/:form/:id/print/:template',
    { schema: { tags, summary: 'A record rendered through a print template, as HTML or PDF', params: printParams, querystring: printQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { form, id, template } = request.params;
      const locale = request.query.locale ?? actor.locale;
      if (request.query.format === 'pdf') {
        const pdf = await print.pdf(actor, form, id, template, locale);
        return sendDownload(reply, pdf, 'application/pdf', `${template}-${id}.pdf`, true);
      }
      const html = await print.html(actor, form, id, template, locale);
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );
};
