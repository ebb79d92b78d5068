import type { FastifyPluginAsync } from 'fastify';
import { OrdoError, type Locale } from '../../engine/errors/index.js';
import { EXPORT_FORMATS, exportRecords, exportReport, toCsv, toXlsx, type ExportColumn, type ExportFormat, type ExportRow } from '../exports/index.js';
import { runReport } from '../reports/index.js';
import type { Services } from '../services/index.js';
import { dayStamp, sendDownload } from './download.js';
import { toRecordQuery } from './record-query.js';
import { formParams, listQuery } from './record-schemas.js';
import { reportParams } from './report-schemas.js';
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
const format = { type: 'string', enum: Object.keys(EXPORT_FORMATS), default: 'csv' } as const;
const locale = { type: 'string', enum: ['zh-CN', 'en'], description: "Language of the header row and option texts; the user's by default" } as const;

const reportExportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format,
    locale,
    parameters: { type: 'string', maxLength: 20_000, description: "The report's parameters as JSON (URL-encoded), as POST /api/reports/:id/run takes them" },
  },
} as const;

export const exportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format,
    locale,
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
      const body = await encode(format, table.columns, table.rows, locale, table.title);
      return sendDownload(reply, body, EXPORT_FORMATS[format], `${request.params.form}-${dayStamp(now())}.${format}`);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { format: ExportFormat; locale?: Locale; parameters?: string } }>(
    '/api/reports/:id/export',
    {
      schema: {
        tags: ['exports'],
        summary: "Download a report's result as CSV or XLSX (the same run as POST /api/reports/:id/run)",
        params: reportParams,
        querystring: reportExportQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format, parameters } = request.query;
      const locale = request.query.locale ?? actor.locale;
      const result = await runReport(services, actor, request.params.id, parseParameters(parameters));
      const table = exportReport(result, locale);
      const body = await encode(format, table.columns, table.rows, locale, table.title);
      return sendDownload(reply, body, EXPORT_FORMATS[format], `${request.params.id}-${dayStamp(now())}.${format}`);
    },
  );
};

function encode(format: ExportFormat, columns: readonly ExportColumn[], rows: readonly ExportRow[], locale: Locale, title: string): Promise<Buffer> | Buffer {
  return format === 'xlsx' ? toXlsx(columns, rows, locale, title) : toCsv(columns, rows, locale);
}

function parseParameters(text: string | undefined): unknown {
  if (text === undefined || text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', '/query/parameters: must be JSON', {
      fields: [{ pointer: '/query/parameters', code: 'format', message: 'must be JSON' }],
    });
  }
}
