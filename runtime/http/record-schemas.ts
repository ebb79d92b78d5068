/*
 * JSON schemas of the record routes. Every body schema closes with additionalProperties: false and
 * is checked without coercion (see schema-validators.ts); the shape of `data` itself is the form's
 * business, checked by the services against the published definition.
 */

import { MAX_PAGE_SIZE } from '../services/index.js';

export { MAX_PAGE_SIZE };
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_FILTERS = 20;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** A definition id: forms, workflows, reports and dashboards share the pattern. */
export const definitionId = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 63 } as const;
const recordId = { type: 'string', pattern: '^[A-Za-z0-9_-]+$', minLength: 1, maxLength: 100 } as const;
const revision = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const recordData = { type: 'object' } as const;

export const formParams = {
  type: 'object',
  required: ['form'],
  additionalProperties: false,
  properties: { form: definitionId },
} as const;

export const recordParams = {
  type: 'object',
  required: ['form', 'id'],
  additionalProperties: false,
  properties: { form: definitionId, id: recordId },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: {
      type: 'array',
      maxItems: MAX_FILTERS,
      // No NUL: PostgreSQL text cannot hold it, and the query would fail instead of finding nothing.
      items: { type: 'string', minLength: 1, maxLength: 1000, pattern: '^[^\\u0000]*$' },
      description: 'field:op:value, repeatable; op is one of eq ne lt lte gt gte contains',
    },
    q: { type: 'string', maxLength: 200, pattern: '^[^\\u0000]*$' },
    sort: { type: 'string', pattern: '^-?[a-zA-Z][a-zA-Z0-9_]*(\\.[a-zA-Z][a-zA-Z0-9_]*)?$', maxLength: 129 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
  },
} as const;

export const deleteQuery = {
  type: 'object',
  required: ['revision'],
  additionalProperties: false,
  properties: { revision },
} as const;

export const idempotencyHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
  },
} as const;

export const createBody = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: { data: recordData },
} as const;

export const patchBody = {
  type: 'object',
  required: ['revision', 'data'],
  additionalProperties: false,
  properties: { revision, data: recordData },
} as const;

export const validateBody = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: { data: recordData, id: recordId },
} as const;
