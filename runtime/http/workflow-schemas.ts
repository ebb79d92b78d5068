/*
 * JSON schemas of the workflow routes, and the pieces the task routes share with them. Bodies are
 * closed and every text is bounded, so a bad request is a 400 with pointers before a service runs.
 * Whether a comment is required is the workflow's business (it depends on the task and the
 * outcome); here a comment is only bounded.
 */

import { idempotencyHeaders } from './record-schemas.js';

export const MAX_COMMENT_LENGTH = 2000;
export const MAX_USERNAME_LENGTH = 64;
/** State and event names, as the workflow meta-schema bounds them. */
export const MAX_NAME_LENGTH = 63;

export const definitionId = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: MAX_NAME_LENGTH } as const;
/** Record, instance and task ids: opaque, URL-safe. */
export const opaqueId = { type: 'string', pattern: '^[A-Za-z0-9_-]+$', minLength: 1, maxLength: 100 } as const;
export const comment = { type: 'string', maxLength: MAX_COMMENT_LENGTH } as const;
// The same rule the auth service applies to new user names: no spaces, no control characters.
export const username = { type: 'string', minLength: 1, maxLength: MAX_USERNAME_LENGTH, pattern: '^[^\\s\\p{C}]+$' } as const;
export const stateName = { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*$', maxLength: MAX_NAME_LENGTH } as const;
export const eventName = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: MAX_NAME_LENGTH } as const;

/** Every command route takes an optional Idempotency-Key, as record create does. */
export const commandHeaders = idempotencyHeaders;

export const instanceParams = {
  type: 'object',
  required: ['instance'],
  additionalProperties: false,
  properties: { instance: opaqueId },
} as const;

export const recordWorkflowsParams = {
  type: 'object',
  required: ['form', 'id'],
  additionalProperties: false,
  properties: { form: definitionId, id: opaqueId },
} as const;

export const startBody = {
  type: 'object',
  required: ['workflow', 'recordId'],
  additionalProperties: false,
  properties: { workflow: definitionId, recordId: opaqueId },
} as const;

export const eventBody = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: { type: eventName, comment },
} as const;

export const withdrawBody = {
  type: 'object',
  additionalProperties: false,
  properties: { comment },
} as const;
