import { type DocumentedResponses, type OpenApiDocument, withDocumentedResponses } from './openapi-document.js';

/*
 * What the schedule routes answer, for /docs, as planning-openapi.ts does for the plan runs. A schedule
 * is described by the engine's own schemas (engine/planning/schemas/schedule-*.schema.json, the
 * outputSchema of schedule.plan in GET /api/functions), referenced here by name.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const schedule = {
  type: 'object',
  description: 'A ScheduleResult: engine/planning/schemas/schedule-result.schema.json (operations, orders, kpis).',
} as const;

const summaryProperties = {
  id: text,
  kind: { type: 'string', enum: ['plan', 'insert', 'whatif', 'move', 'event'] },
  status: { type: 'string', enum: ['draft', 'committed', 'superseded'] },
  createdAt: dateTime,
  createdBy: { type: 'string', description: 'user name' },
  solveMs: { type: 'number', description: 'Milliseconds inside the scheduler.' },
} as const;

const SCHEDULE_SCHEMAS: Record<string, unknown> = {
  ScheduleRunSummary: {
    type: 'object',
    required: [...Object.keys(summaryProperties), 'kpis'],
    properties: { ...summaryProperties, kpis: { type: 'object', description: "The schedule's KPIs (ScheduleKpis of schedule-result.schema.json)." } },
  },
  ScheduleRun: {
    type: 'object',
    required: [...Object.keys(summaryProperties), 'loadMs', 'result', 'labels', 'unscheduled'],
    properties: {
      ...summaryProperties,
      baseRunId: { type: 'string', description: 'The committed run this one started from.' },
      loadMs: { type: 'number', description: 'Milliseconds reading the records and building the request.' },
      result: schedule,
      changes: {
        type: 'object',
        description: 'insert, move and event runs: every operation that moved (from, to) and every order whose finish changed (schedule-repair.schema.json).',
        required: ['moved', 'finishChanged'],
        properties: { moved: { type: 'array', items: { type: 'object' } }, finishChanged: { type: 'array', items: { type: 'object' } } },
      },
      whatif: {
        type: 'object',
        description:
          'whatif runs: the base schedule (the live data without the changes) and the comparison (schedule-whatif-result.schema.json); `result` is the scenario.',
        required: ['base', 'comparison'],
        properties: { base: schedule, comparison: { type: 'object' } },
      },
      labels: {
        type: 'object',
        required: ['orders', 'operations', 'workCenters'],
        properties: {
          orders: {
            type: 'object',
            description: 'Order id (production order record id) -> {recordId, moNo, item, itemName, qty, salesOrder?, due?, priority}.',
          },
          operations: { type: 'object', description: 'Operation id (`<order>/<opNo>`) -> {opNo, name}.' },
          workCenters: { type: 'object', description: 'Work center id (record id) -> {code, name, machines}.' },
        },
      },
      unscheduled: {
        type: 'array',
        description: 'Open production orders left out, and why.',
        items: { type: 'object', required: ['recordId', 'moNo', 'message'], properties: { recordId: text, moNo: text, message: text } },
      },
    },
  },
  DispatchList: {
    type: 'object',
    required: ['workCenter', 'generatedAt', 'runId', 'items'],
    properties: {
      workCenter: text,
      generatedAt: dateTime,
      runId: text,
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['operation', 'order', 'moNo', 'item', 'itemName', 'qty', 'opNo', 'opName', 'machine', 'start', 'end', 'setupMinutes', 'late', 'fixed'],
          properties: {
            operation: text,
            order: text,
            moNo: text,
            item: text,
            itemName: text,
            qty: { type: 'number' },
            opNo: { type: 'integer' },
            opName: text,
            machine: text,
            start: dateTime,
            end: dateTime,
            setupMinutes: { type: 'number' },
            late: { type: 'boolean' },
            fixed: { type: 'boolean' },
          },
        },
      },
    },
  },
};

const RESPONSES: DocumentedResponses = {
  'post /api/schedule-runs': { status: '201', schema: ref('ScheduleRun') },
  'get /api/schedule-runs': {
    status: '200',
    schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('ScheduleRunSummary') } } },
  },
  'get /api/schedule-runs/{id}': { status: '200', schema: ref('ScheduleRun') },
  'post /api/schedule-runs/{id}/commit': { status: '200', schema: ref('ScheduleRun') },
  'post /api/schedule-runs/committed/moves': { status: '201', schema: ref('ScheduleRun') },
  'post /api/schedule-events': { status: '201', schema: ref('ScheduleRun') },
  'get /api/dispatch-lists/{workCenter}': { status: '200', schema: ref('DispatchList') },
};

/** Puts the schedule answer schemas on the collected routes. */
export function withScheduleDocumentation(document: OpenApiDocument): OpenApiDocument {
  return withDocumentedResponses(document, RESPONSES, SCHEDULE_SCHEMAS);
}
