import type { ValueType } from './report-nodes.js';

export interface WorkflowColumn {
  readonly column: string;
  readonly type: ValueType;
  /** Events read their workflow and form from the instance they belong to. */
  readonly onInstance?: true;
  /** The column holds a user name: a dimension over it shows the user's display name. */
  readonly user?: true;
}

export interface WorkflowDuration {
  readonly from: string;
  readonly to: string;
}

/** The fields a workflow source offers, by report field name. */
export const WORKFLOW_FIELDS: Readonly<Record<'instances' | 'tasks' | 'events', Readonly<Record<string, WorkflowColumn | WorkflowDuration>>>> = Object.freeze({
  instances: {
    id: { column: 'id', type: 'string' },
    workflow: { column: 'workflow', type: 'string' },
    workflowVersion: { column: 'workflow_version', type: 'number' },
    form: { column: 'form', type: 'string' },
    recordId: { column: 'record_id', type: 'string' },
    status: { column: 'status', type: 'string' },
    initiator: { column: 'initiator', type: 'string', user: true },
    startedAt: { column: 'started_at', type: 'timestamp' },
    updatedAt: { column: 'updated_at', type: 'timestamp' },
    endedAt: { column: 'ended_at', type: 'timestamp' },
    durationSeconds: { from: 'started_at', to: 'ended_at' },
  },
  tasks: {
    id: { column: 'id', type: 'string' },
    instanceId: { column: 'instance_id', type: 'string' },
    workflow: { column: 'workflow', type: 'string' },
    form: { column: 'form', type: 'string' },
    recordId: { column: 'record_id', type: 'string' },
    node: { column: 'node', type: 'string' },
    round: { column: 'round', type: 'number' },
    assignee: { column: 'assignee', type: 'string', user: true },
    status: { column: 'status', type: 'string' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    dueAt: { column: 'due_at', type: 'timestamp' },
    actedAt: { column: 'acted_at', type: 'timestamp' },
    actedBy: { column: 'acted_by', type: 'string', user: true },
    cycleSeconds: { from: 'created_at', to: 'acted_at' },
  },
  events: {
    instanceId: { column: 'instance_id', type: 'string' },
    seq: { column: 'seq', type: 'number' },
    type: { column: 'type', type: 'string' },
    actorUsername: { column: 'actor_username', type: 'string', user: true },
    at: { column: 'at', type: 'timestamp' },
    workflow: { column: 'workflow', type: 'string', onInstance: true },
    form: { column: 'form', type: 'string', onInstance: true },
    recordId: { column: 'record_id', type: 'string', onInstance: true },
  },
});

/** The system fields every record has, readable by whoever may read the form. */
export const RECORD_SYSTEM_FIELDS: Readonly<Record<string, WorkflowColumn>> = Object.freeze({
  id: { column: 'id', type: 'string' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
  createdBy: { column: 'created_by', type: 'string', user: true },
});
