import type { FastifyPluginAsync } from 'fastify';
import type { Locale } from '../../engine/errors/index.js';
import { EXPORT_FORMATS, exportRecords, toCsv, toXlsx, type ExportFormat } from '../exports/index.js';
import type { Services } from '../services/index.js';
import { dayStamp, sendDownload } from './download.js';
import { toRecordQuery } from './record-query.js';
import { formParams, listQuery } from './record-schemas.js';
import { actorOf } from './request-actor.js';

export interface ExportRoutesOptions {
  services: Services;
  now: () => Date;
}

interface ExportQuery {
  format: ExportFormat;
  locale?: Locale;
  fields?: string;
  filter?: string[];
  q?: string;
  sort?: string;
}

const { filter, q, sort } = listQuery.properties;

export const exportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: Object.keys(EXPORT_FORMATS), default: 'csv' },
    locale: { type: 'string', enum: ['zh-CN', 'en'], description: 'Language of the header row and option texts; the user\'s by default' },
    fields: { type: 'string', maxLength: 2000, pattern: '^[a-zA-Z][a-zA-Z0-9_]*(,[a-zA-Z][a-zA-Z0-9_]*)*$', description: 'Comma-separated fields to export, in this order; every readable field by default' },
    filter,
    q,
    sort,
  },
} as const;

export const exportRoutes: FastifyPluginAsync<ExportRoutesOptions> = async (app, { services, now }) => {
  app.get<{ Params: { form: string }; Querystring: ExportQuery }>(
    '/api/records/:form/export',
    {
      schema: {
        tags: ['exports'],
        summary: 'Download a record list as CSV or XLSX (the list filters and permissions apply)',
        params: formParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format, fields, ...rest } = request.query;
      const locale = rest.locale ?? actor.locale;
      const { limit: _limit, offset: _offset, ...query } = toRecordQuery({ ...rest, limit: 1, offset: 0 });
      const table = await exportRecords(services, actor, request.params.form, query, locale, fields?.split(','));
      const body = format === 'xlsx' ? await toXlsx(table.columns, table.rows, locale, table.title) : toCsv(table.columns, table.rows, locale);
      return sendDownload(reply, body, EXPORT_FORMATS[format], `${request.params.form}-${dayStamp(now())}.${format}`);
    },
  );
};
