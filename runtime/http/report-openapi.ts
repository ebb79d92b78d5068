import { type DocumentedResponses, type OpenApiDocument, withDocumentedResponses } from './openapi-document.js';

/* What the report and dashboard routes answer, for /docs, as planning-openapi.ts does for planning. */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: 'string' } as const;
const localized = { type: 'object', required: ['zh-CN', 'en'], properties: { 'zh-CN': text, en: text } } as const;
const chart = { type: 'object', description: 'The chart spec: type (bar, line, pie, table, pivot, kpi, timeline), x, y, series.' } as const;

const REPORT_SCHEMAS: Record<string, unknown> = {
  ReportSummary: {
    type: 'object',
    required: ['id', 'version', 'title', 'chart'],
    properties: { id: text, version: { type: 'integer' }, title: localized, description: localized, chart, parameters: { type: 'object' } },
  },
  ReportColumn: {
    type: 'object',
    required: ['key', 'label', 'role', 'type'],
    properties: {
      key: text,
      label: localized,
      role: { type: 'string', enum: ['dimension', 'measure'] },
      type: { type: 'string', enum: ['string', 'number', 'date', 'percent', 'money', 'duration'] },
    },
  },
  ReportResult: {
    type: 'object',
    required: ['report', 'columns', 'rows', 'chart', 'hidden', 'parameters'],
    properties: {
      report: { type: 'object', required: ['id', 'version', 'title'], properties: { id: text, version: { type: 'integer' }, title: localized, description: localized } },
      columns: { type: 'array', items: ref('ReportColumn') },
      rows: { type: 'array', items: { type: 'object', description: 'column key -> value (percent as a fraction, duration in seconds, dates as YYYY-MM-DD)' } },
      chart,
      hidden: { type: 'array', items: text, description: 'Measures not computed because you may not read a field they use.' },
      parameters: { type: 'object', description: 'The parameters as validated, defaults applied.' },
    },
  },
  ReportDrill: {
    type: 'object',
    required: ['form', 'total', 'items'],
    properties: {
      form: text,
      total: { type: 'integer' },
      items: { type: 'array', items: { type: 'object', required: ['id', 'title', 'data'], properties: { id: text, title: text, data: { type: 'object' } } } },
    },
  },
  DashboardSummary: { type: 'object', required: ['id', 'version', 'title'], properties: { id: text, version: { type: 'integer' }, title: localized, description: localized } },
};

const RESPONSES: DocumentedResponses = {
  'get /api/reports': { status: '200', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('ReportSummary') } } } },
  'get /api/reports/{id}': { status: '200', schema: { type: 'object', description: 'The report definition (engine/definitions/meta-schemas/report.schema.json).' } },
  'post /api/reports/{id}/run': { status: '200', schema: ref('ReportResult') },
  'post /api/designer/reports/preview': { status: '200', schema: ref('ReportResult') },
  'post /api/reports/{id}/drill': { status: '200', schema: ref('ReportDrill') },
  'get /api/dashboards': { status: '200', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('DashboardSummary') } } } },
  'get /api/dashboards/{id}': { status: '200', schema: { type: 'object', description: 'The dashboard definition (engine/definitions/meta-schemas/dashboard.schema.json), with only the widgets you may run.' } },
};

/** Puts the report answer schemas on the collected routes. */
export function withReportDocumentation(document: OpenApiDocument): OpenApiDocument {
  return withDocumentedResponses(document, RESPONSES, REPORT_SCHEMAS);
}
