import { type DocumentedResponses, type OpenApiDocument, withDocumentedResponses } from './openapi-document.js';

/*
 * What the function and plan run routes answer, for /docs, as workflow-openapi.ts does for the
 * workflow routes. A function's output and a plan are described by the function's own schemas
 * (GET /api/functions; engine/planning/schemas/mrp-plan.schema.json), referenced here by name.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: 'string' } as const;
const localized = { type: 'object', required: ['zh-CN', 'en'], properties: { 'zh-CN': text, en: text } } as const;
const plan = {
  type: 'object',
  description: 'An MrpPlan: engine/planning/schemas/mrp-plan.schema.json (the outputSchema of mrp.plan in GET /api/functions).',
} as const;

const runSummaryProperties = {
  id: text,
  createdAt: { type: 'string', format: 'date-time' },
  createdBy: { type: 'string', description: 'user name' },
  loadMs: { type: 'number', description: 'Milliseconds reading the records and assembling the planning snapshot.' },
  planMs: { type: 'number', description: 'Milliseconds inside mrp.plan.' },
  summary: { type: 'object', description: "The plan's summary, with the counts of exceptions and reschedule messages." },
} as const;

const firmed = {
  type: 'object',
  required: ['plannedOrder', 'form', 'recordId', 'title'],
  properties: { plannedOrder: text, form: { type: 'string', enum: ['purchase-requisition', 'production-order'] }, recordId: text, title: text },
} as const;

const PLANNING_SCHEMAS: Record<string, unknown> = {
  NativeFunction: {
    type: 'object',
    required: ['name', 'title', 'inputSchema', 'outputSchema'],
    properties: {
      name: text,
      title: localized,
      inputSchema: { type: 'object', description: 'JSON Schema of the input.' },
      outputSchema: { type: 'object', description: 'JSON Schema of the output.' },
      needs: { type: 'string', enum: ['planning'], description: "The function plans on the factory's records, read by the runtime." },
    },
  },
  PlanRunSummary: { type: 'object', required: Object.keys(runSummaryProperties), properties: runSummaryProperties },
  PlanRun: {
    type: 'object',
    required: [...Object.keys(runSummaryProperties), 'plan', 'firmed', 'labels'],
    properties: {
      ...runSummaryProperties,
      plan,
      firmed: { type: 'array', items: ref('FirmedPlannedOrder') },
      labels: {
        type: 'object',
        required: ['items', 'salesOrders'],
        properties: {
          items: { type: 'object', additionalProperties: text, description: 'Item id (record id) -> code and name.' },
          salesOrders: {
            type: 'object',
            additionalProperties: { type: 'object', required: ['recordId', 'title'], properties: { recordId: text, title: text } },
            description: 'Sales order id of the plan (its order number) -> the record.',
          },
        },
      },
    },
  },
  FirmedPlannedOrder: firmed,
};

const RESPONSES: DocumentedResponses = {
  'get /api/functions': {
    status: '200',
    schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('NativeFunction') } } },
  },
  'post /api/functions/{name}': {
    status: '200',
    schema: { type: 'object', description: "The function's output (its outputSchema); for mrp.plan an MrpPlan, with `Location: /api/plan-runs/<id>`." },
  },
  'get /api/plan-runs': {
    status: '200',
    schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('PlanRunSummary') } } },
  },
  'get /api/plan-runs/{id}': { status: '200', schema: ref('PlanRun') },
  'post /api/plan-runs/{id}/firm': {
    status: '200',
    schema: { type: 'object', required: ['created'], properties: { created: { type: 'array', items: ref('FirmedPlannedOrder') } } },
  },
};

/** Puts the planning answer schemas on the collected routes. */
export function withPlanningDocumentation(document: OpenApiDocument): OpenApiDocument {
  return withDocumentedResponses(document, RESPONSES, PLANNING_SCHEMAS);
}
