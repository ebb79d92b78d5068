/*
 * JSON schemas of the schedule routes (runtime/http/schedule-routes.ts). A what-if change that spells out
 * an order or a window is checked in full against the engine's schema by the schedule service; here only
 * its kind.
 */

const DATE_TIME = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$',
  description: 'ISO 8601 date-time with a zone',
} as const;
const ID = { type: 'string', minLength: 1, maxLength: 200 } as const;
const kindIs = (kind: string) => ({ properties: { kind: { const: kind } } }) as const;

export const MAX_SCHEDULE_SECONDS = 30;
export const MAX_SCHEDULE_RUNS = 100;

export const scheduleRunBody = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { type: 'string', enum: ['plan', 'insert', 'whatif'] } },
  allOf: [
    {
      if: kindIs('plan'),
      then: {
        additionalProperties: false,
        properties: {
          kind: {},
          timeLimitSeconds: { type: 'number', minimum: 0, maximum: MAX_SCHEDULE_SECONDS },
          seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
        },
      },
    },
    { if: kindIs('insert'), then: { required: ['order'], additionalProperties: false, properties: { kind: {}, order: ID } } },
    {
      if: kindIs('whatif'),
      then: {
        required: ['changes'],
        additionalProperties: false,
        properties: {
          kind: {},
          changes: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'object',
              required: ['kind'],
              properties: { kind: { type: 'string', enum: ['rush-order', 'machine-down', 'overtime', 'material-late'] }, recordId: ID },
            },
          },
        },
      },
    },
  ],
} as const;

export const scheduleRunListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: MAX_SCHEDULE_RUNS, default: 20 } },
} as const;

/** A run id, or `committed` for the committed run. */
export const scheduleRunParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', minLength: 1, maxLength: 100 } },
} as const;

export const moveBody = {
  type: 'object',
  required: ['operation', 'start'],
  additionalProperties: false,
  properties: { operation: ID, machine: ID, start: DATE_TIME },
} as const;

export const scheduleEventBody = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { type: 'string', enum: ['machine-down', 'operation-finished'] } },
  allOf: [
    {
      if: kindIs('machine-down'),
      then: { required: ['machine', 'from', 'to'], additionalProperties: false, properties: { kind: {}, machine: ID, from: DATE_TIME, to: DATE_TIME } },
    },
    {
      if: kindIs('operation-finished'),
      then: { required: ['operation', 'end'], additionalProperties: false, properties: { kind: {}, operation: ID, end: DATE_TIME } },
    },
  ],
} as const;

export const dispatchListParams = {
  type: 'object',
  required: ['workCenter'],
  additionalProperties: false,
  properties: { workCenter: ID },
} as const;

export const dispatchListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { machine: ID },
} as const;
