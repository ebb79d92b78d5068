/*
 * JSON schemas of the function and plan run routes. A function's own input is checked against its
 * inputSchema by the planning service (ORDO_ERR_FUNCTION_INPUT_INVALID with /body pointers); here
 * the body only has to be an object.
 */

import { idempotencyHeaders } from './record-schemas.js';

/** Function names as workflows write them (`mrp.plan`); anything else is simply not found. */
export const functionParams = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const functionBody = { type: 'object', description: "The function's input, as its inputSchema (GET /api/functions) says." } as const;

export const MAX_PLAN_RUNS = 100;

export const planRunListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: MAX_PLAN_RUNS, default: 20 } },
} as const;

/** A run id, or `latest` for the newest run. */
export const planRunParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', minLength: 1, maxLength: 100 } },
} as const;

export const MAX_FIRMED_AT_ONCE = 200;

export const firmBody = {
  type: 'object',
  required: ['plannedOrders'],
  additionalProperties: false,
  properties: {
    plannedOrders: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_FIRMED_AT_ONCE,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 300 },
    },
  },
} as const;

export const firmHeaders = idempotencyHeaders;
