/* JSON schemas of the task routes; the shared pieces (ids, comment, user names) are in workflow-schemas.ts. */

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './record-schemas.js';
import { comment, definitionId, opaqueId, stateName, username } from './workflow-schemas.js';

export const INBOX_BOXES = ['todo', 'done', 'initiated', 'cc'] as const;
export const MAX_BATCH_SIZE = 100;

export const taskParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: opaqueId },
} as const;

export const inboxQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    box: { type: 'string', enum: INBOX_BOXES, default: 'todo' },
    workflow: definitionId,
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
  },
} as const;

export const completeBody = {
  type: 'object',
  required: ['outcome'],
  additionalProperties: false,
  properties: {
    outcome: { type: 'string', enum: ['approve', 'reject'] },
    comment,
    data: { type: 'object', description: 'Changes to the fields the task lets the assignee edit.' },
  },
} as const;

export const returnBody = {
  type: 'object',
  required: ['to'],
  additionalProperties: false,
  properties: { to: { ...stateName, description: 'One of the task\'s actions.returnTo.' }, comment },
} as const;

export const transferBody = {
  type: 'object',
  required: ['to'],
  additionalProperties: false,
  properties: { to: username, comment },
} as const;

export const addSignerBody = {
  type: 'object',
  required: ['user', 'position'],
  additionalProperties: false,
  properties: { user: username, position: { type: 'string', enum: ['before', 'after', 'beside'] }, comment },
} as const;

export const draftBody = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: { data: { type: 'object' } },
} as const;

export const batchCompleteBody = {
  type: 'object',
  required: ['ids', 'outcome'],
  additionalProperties: false,
  properties: {
    ids: { type: 'array', minItems: 1, maxItems: MAX_BATCH_SIZE, uniqueItems: true, items: opaqueId },
    outcome: { type: 'string', enum: ['approve'], description: 'Batches only approve: a rejection is decided task by task.' },
    comment,
  },
} as const;

export const handoverBody = {
  type: 'object',
  required: ['from', 'to'],
  additionalProperties: false,
  properties: { from: username, to: username },
} as const;
