import { type DocumentedResponses, type OpenApiDocument, withDocumentedResponses } from './openapi-document.js';

/*
 * What the workflow and task routes answer, for /docs. The routes keep their request schemas with
 * them (swagger collects those); their answers are documented here, as the record routes' are in
 * openapi-document.ts, so the responses are written by JSON.stringify and never filtered by a
 * response schema.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const localized = {
  type: 'object',
  required: ['zh-CN', 'en'],
  properties: { 'zh-CN': text, en: text },
} as const;
const stateValue = {
  description: 'An xstate state value: a state name, or an object from a compound state to its active child.',
  oneOf: [{ type: 'string' }, { type: 'object' }],
} as const;

const WORKFLOW_SCHEMAS: Record<string, unknown> = {
  WorkflowTask: {
    type: 'object',
    required: ['id', 'instanceId', 'workflow', 'form', 'recordId', 'node', 'round', 'title', 'assignee', 'assigneeName', 'status', 'createdAt', 'dueAt', 'actedAt', 'actedBy', 'comment', 'draft', 'editableFields', 'actions'],
    properties: {
      id: text,
      instanceId: text,
      workflow: text,
      form: text,
      recordId: text,
      node: { type: 'string', description: 'The task state of the workflow.' },
      round: { type: 'integer', description: 'Counts up each time the work comes back to this task.' },
      title: localized,
      assignee: { type: 'string', description: 'user name' },
      assigneeName: { type: 'string', description: 'display name' },
      status: { type: 'string', enum: ['open', 'waiting', 'approved', 'rejected', 'returned', 'transferred', 'cancelled', 'withdrawn'] },
      createdAt: dateTime,
      dueAt: nullableDateTime,
      actedAt: nullableDateTime,
      actedBy: nullableText,
      comment: nullableText,
      draft: { type: ['object', 'null'] },
      editableFields: { type: 'array', items: text, description: 'Record fields the assignee may change with `data` on complete.' },
      actions: {
        type: 'object',
        required: ['returnTo', 'transfer', 'addSigner', 'batch', 'commentRequired'],
        properties: {
          returnTo: { type: 'array', items: text },
          transfer: { type: 'boolean' },
          addSigner: { type: 'boolean' },
          batch: { type: 'boolean' },
          commentRequired: { type: 'string', enum: ['never', 'reject', 'always'] },
        },
      },
    },
  },
  WorkflowInstance: {
    type: 'object',
    required: ['id', 'workflow', 'workflowVersion', 'title', 'form', 'recordId', 'status', 'state', 'stateTitles', 'revision', 'initiator', 'startedAt', 'updatedAt', 'endedAt', 'openTasks', 'acceptedEvents'],
    properties: {
      id: text,
      workflow: text,
      workflowVersion: { type: 'integer' },
      title: localized,
      form: text,
      recordId: text,
      status: { type: 'string', enum: ['running', 'done', 'cancelled'] },
      state: stateValue,
      stateTitles: { type: 'array', items: localized },
      revision: { type: 'integer' },
      initiator: { type: 'string', description: 'user name' },
      startedAt: dateTime,
      updatedAt: dateTime,
      endedAt: nullableDateTime,
      openTasks: { type: 'array', items: ref('WorkflowTask') },
      acceptedEvents: { type: 'array', items: text, description: 'Business events the caller may send now.' },
    },
  },
  WorkflowTimelineEntry: {
    type: 'object',
    required: ['seq', 'type', 'at', 'actor', 'comment', 'node', 'stateBefore', 'stateAfter'],
    properties: {
      seq: { type: 'integer' },
      type: text,
      at: dateTime,
      actor: { type: 'object', required: ['username', 'displayName'], properties: { username: text, displayName: text } },
      comment: nullableText,
      node: nullableText,
      stateBefore: { oneOf: [stateValue, { type: 'null' }] },
      stateAfter: stateValue,
    },
  },
  WorkflowInstanceDetail: {
    allOf: [
      ref('WorkflowInstance'),
      {
        type: 'object',
        required: ['timeline', 'tasks'],
        properties: {
          timeline: { type: 'array', items: ref('WorkflowTimelineEntry') },
          tasks: { type: 'array', items: ref('WorkflowTask'), description: 'Every task of every round, decided or not.' },
        },
      },
    ],
  },
  WorkflowCommandResult: {
    type: 'object',
    required: ['instance', 'replayed'],
    properties: {
      instance: ref('WorkflowInstance'),
      replayed: { type: 'boolean', description: 'True when an Idempotency-Key replayed an earlier answer (also sent as Idempotent-Replayed: true).' },
    },
  },
  WorkflowNotification: {
    type: 'object',
    required: ['id', 'kind', 'instanceId', 'form', 'recordId', 'message', 'createdAt', 'readAt'],
    properties: {
      id: text,
      kind: { type: 'string', enum: ['notify', 'cc', 'remind', 'escalation'] },
      instanceId: nullableText,
      form: nullableText,
      recordId: nullableText,
      message: localized,
      createdAt: dateTime,
      readAt: nullableDateTime,
    },
  },
  InboxPage: {
    type: 'object',
    required: ['items', 'total', 'limit', 'offset'],
    properties: {
      items: {
        type: 'array',
        description: 'Tasks for todo and done, instances for initiated, notifications for cc.',
        items: { oneOf: [ref('WorkflowTask'), ref('WorkflowInstance'), ref('WorkflowNotification')] },
      },
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
    },
  },
  BatchCompleteResult: {
    type: 'object',
    required: ['results'],
    properties: {
      results: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'ok'],
          properties: {
            id: text,
            ok: { type: 'boolean' },
            instance: ref('WorkflowInstance'),
            error: ref('Problem'),
          },
        },
      },
    },
  },
};

/** `METHOD path` -> the success status and what it carries. */
const RESPONSES: DocumentedResponses = {
  'post /api/workflows': { status: '201', schema: ref('WorkflowCommandResult') },
  'get /api/workflows/{instance}': { status: '200', schema: ref('WorkflowInstanceDetail') },
  'post /api/workflows/{instance}/events': { status: '200', schema: ref('WorkflowCommandResult') },
  'post /api/workflows/{instance}/withdraw': { status: '200', schema: ref('WorkflowCommandResult') },
  'get /api/forms/{form}/records/{id}/workflows': {
    status: '200',
    schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('WorkflowInstance') } } },
  },
  'get /api/tasks': { status: '200', schema: ref('InboxPage') },
  'post /api/tasks/batch-complete': { status: '200', schema: ref('BatchCompleteResult') },
  'post /api/tasks/handover': {
    status: '200',
    schema: {
      type: 'object',
      required: ['moved', 'failed'],
      properties: {
        moved: { type: 'integer' },
        failed: {
          type: 'array',
          items: { type: 'object', required: ['taskId', 'code', 'message'], properties: { taskId: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
  'get /api/tasks/{id}': { status: '200', schema: ref('WorkflowTask') },
  'post /api/tasks/{id}/complete': { status: '200', schema: ref('WorkflowCommandResult') },
  'post /api/tasks/{id}/return': { status: '200', schema: ref('WorkflowCommandResult') },
  'post /api/tasks/{id}/transfer': { status: '200', schema: ref('WorkflowCommandResult') },
  'post /api/tasks/{id}/add-signer': { status: '200', schema: ref('WorkflowCommandResult') },
  'put /api/tasks/{id}/draft': { status: '200', schema: ref('WorkflowTask') },
};

/** Puts the workflow answer schemas on the collected routes. */
export function withWorkflowDocumentation(document: OpenApiDocument): OpenApiDocument {
  return withDocumentedResponses(document, RESPONSES, WORKFLOW_SCHEMAS);
}
