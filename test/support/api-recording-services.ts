import { OrdoError } from '../../engine/errors/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import type { CommandOptions, CommandResult, InstanceDto, TaskDto } from '../../runtime/workflows/index.js';

export interface RecordingServices {
  services: Services;
  /** `group.method` of every call, in order. */
  calls: string[];
  /** The arguments of the latest call. */
  lastArguments: unknown[];
  /** The arguments of every call, in the order of `calls`. */
  callArguments: unknown[][];
}

const ANN: Actor = { userId: 'u-ann', username: 'ann', displayName: 'Ann', roles: ['clerk'], locale: 'en' };
const RECORD = {
  id: 'r1',
  form: 'work-order',
  formVersion: 1,
  revision: 1,
  data: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'ann',
  createdByName: 'Ann',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'ann',
  updatedByName: 'Ann',
};

export const FAKE_TASK: TaskDto = {
  id: 't1',
  instanceId: 'i1',
  workflow: 'work-order-approval',
  form: 'work-order',
  recordId: 'r1',
  node: 'review',
  round: 1,
  title: { en: 'Review', 'zh-CN': '审核' },
  assignee: 'ann',
  assigneeName: 'Ann',
  status: 'open',
  createdAt: '2026-01-01T00:00:00.000Z',
  dueAt: null,
  actedAt: null,
  actedBy: null,
  comment: null,
  draft: null,
  editableFields: [],
  actions: { returnTo: ['draft'], transfer: true, addSigner: true, batch: true, commentRequired: 'reject' },
};

export const FAKE_INSTANCE: InstanceDto = {
  id: 'i1',
  workflow: 'work-order-approval',
  workflowVersion: 1,
  title: { en: 'Work order approval', 'zh-CN': '工单审批' },
  form: 'work-order',
  recordId: 'r1',
  status: 'running',
  state: 'review',
  stateTitles: [{ en: 'Review', 'zh-CN': '审核' }],
  revision: 2,
  initiator: 'ann',
  startedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  endedAt: null,
  openTasks: [FAKE_TASK],
  acceptedEvents: ['cancel'],
};

/**
 * Ids (of a task, instance or record) the fake workflow commands fail on: `missing` is not found,
 * `decided` is no longer open, `crash` throws a plain Error (an unexpected failure). An
 * Idempotency-Key starting with `replay` answers as a replay.
 */
function fakeCommand(id: string, options: CommandOptions | undefined): CommandResult {
  if (id === 'missing') throw new OrdoError('ORDO_ERR_TASK_NOT_FOUND', `No task ${id}`);
  if (id === 'decided') throw new OrdoError('ORDO_ERR_TASK_NOT_ACTIVE', `Task ${id} is approved`);
  if (id === 'crash') throw new Error('connection string postgres://secret@db leaked');
  return { instance: FAKE_INSTANCE, replayed: options?.idempotencyKey?.startsWith('replay') === true };
}

/**
 * Services without a database for tests of the HTTP layer alone: each call is recorded, so a test
 * can assert that a refused request never reached a handler. `good-token` is the only valid token.
 */
export function recordingServices(): RecordingServices {
  const state: RecordingServices = { services: undefined as unknown as Services, calls: [], lastArguments: [], callArguments: [] };
  function record(name: string, args: unknown[]): void {
    state.calls.push(name);
    state.lastArguments = args;
    state.callArguments.push(args);
  }
  state.services = {
    auth: {
      async login(...args) {
        record('auth.login', args);
        return { token: 'good-token', expiresAt: '2026-01-01T08:00:00.000Z', user: { ...ANN, id: ANN.userId } };
      },
      async authenticate(...args) {
        record('auth.authenticate', args);
        if (args[0] !== 'good-token') throw new OrdoError('ORDO_ERR_SESSION_EXPIRED');
        return ANN;
      },
      async logout(...args) {
        record('auth.logout', args);
      },
      async addUser(...args) {
        record('auth.addUser', args);
        return { ...ANN, id: ANN.userId };
      },
      async pickableUsers(...args) {
        record('auth.pickableUsers', args);
        return [{ username: ANN.username, displayName: ANN.displayName, departments: [] }];
      },
    },
    definitions: {
      app: () => undefined,
      forms: () => [],
      form(id) {
        throw new OrdoError('ORDO_ERR_FORM_NOT_FOUND', `No form ${id}`);
      },
      workflow(id) {
        throw new OrdoError('ORDO_ERR_WORKFLOW_NOT_FOUND', `No workflow ${id}`);
      },
      workflows: () => [],
      report: () => undefined,
      reports: () => [],
      dashboard: () => undefined,
      dashboards: () => [],
      async publish() {
        return { published: [], unchanged: [] };
      },
      async exportAll() {
        return { forms: [] };
      },
    },
    records: {
      async list(...args) {
        record('records.list', args);
        return { items: [], total: 0, limit: args[2].limit, offset: args[2].offset, display: {} };
      },
      async get(...args) {
        record('records.get', args);
        return RECORD;
      },
      async create(...args) {
        record('records.create', args);
        return { record: RECORD, replayed: false };
      },
      async update(...args) {
        record('records.update', args);
        return RECORD;
      },
      async remove(...args) {
        record('records.remove', args);
      },
      async history(...args) {
        record('records.history', args);
        return { items: [] };
      },
      async validate(...args) {
        record('records.validate', args);
        return { data: {}, states: {}, errors: [] };
      },
    },
    workflows: {
      async startWithin() {
        throw new Error('startWithin is not reachable from HTTP');
      },
      async start(...args) {
        record('workflows.start', args);
        return fakeCommand(args[2], args[3]);
      },
      async get(...args) {
        record('workflows.get', args);
        return { ...FAKE_INSTANCE, timeline: [], tasks: [FAKE_TASK] };
      },
      async listForRecord(...args) {
        record('workflows.listForRecord', args);
        return [FAKE_INSTANCE];
      },
      async sendEvent(...args) {
        record('workflows.sendEvent', args);
        return fakeCommand(args[1], args[3]);
      },
      async withdraw(...args) {
        record('workflows.withdraw', args);
        return fakeCommand(args[1], args[3]);
      },
      async completeTask(...args) {
        record('workflows.completeTask', args);
        return fakeCommand(args[1], args[3]);
      },
      async returnTask(...args) {
        record('workflows.returnTask', args);
        return fakeCommand(args[1], args[3]);
      },
      async transferTask(...args) {
        record('workflows.transferTask', args);
        return fakeCommand(args[1], args[3]);
      },
      async addSigner(...args) {
        record('workflows.addSigner', args);
        return fakeCommand(args[1], args[3]);
      },
      async saveDraft(...args) {
        record('workflows.saveDraft', args);
        return { ...FAKE_TASK, draft: args[2] };
      },
      async getTask(...args) {
        record('workflows.getTask', args);
        return FAKE_TASK;
      },
      async listTasks(...args) {
        record('workflows.listTasks', args);
        return { items: [FAKE_TASK], total: 1, limit: args[1].limit, offset: args[1].offset };
      },
      async handover(...args) {
        record('workflows.handover', args);
        return { moved: 2, failed: [{ taskId: 't9', code: 'ORDO_ERR_REQUEST_INVALID', message: 'zhang.wei already has this task' }] };
      },
      async fireDueTimers(...args) {
        record('workflows.fireDueTimers', args);
        return 0;
      },
    },
    planning: {
      functions() {
        record('planning.functions', []);
        return [];
      },
      async call(...args) {
        record('planning.call', args);
        return { output: {} };
      },
      async runs(...args) {
        record('planning.runs', args);
        return [];
      },
      async run(...args) {
        record('planning.run', args);
        throw new OrdoError('ORDO_ERR_PLAN_RUN_NOT_FOUND', 'No plan has been run yet');
      },
      async firm(...args) {
        record('planning.firm', args);
        return { created: [], replayed: false };
      },
    },
    scheduling: {
      async create(...args) {
        record('scheduling.create', args);
        throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', 'No schedule is committed yet');
      },
      async runs(...args) {
        record('scheduling.runs', args);
        return [];
      },
      async run(...args) {
        record('scheduling.run', args);
        throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', 'No schedule is committed yet');
      },
      async commit(...args) {
        record('scheduling.commit', args);
        throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', 'No such schedule run');
      },
      async move(...args) {
        record('scheduling.move', args);
        throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', 'No schedule is committed yet');
      },
      async event(...args) {
        record('scheduling.event', args);
        throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', 'No schedule is committed yet');
      },
      async dispatchList(...args) {
        record('scheduling.dispatchList', args);
        throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', 'No schedule is committed yet');
      },
    },
    reports: {
      list(...args) {
        record('reports.list', args);
        return [];
      },
      get(...args) {
        record('reports.get', args);
        throw new OrdoError('ORDO_ERR_REPORT_NOT_FOUND', `No report ${args[1]}`);
      },
      async run(...args) {
        record('reports.run', args);
        throw new OrdoError('ORDO_ERR_REPORT_NOT_FOUND', `No report ${args[1]}`);
      },
      async preview(...args) {
        record('reports.preview', args);
        throw new OrdoError('ORDO_ERR_FORBIDDEN', 'Only designers may preview report drafts');
      },
      async drill(...args) {
        record('reports.drill', args);
        throw new OrdoError('ORDO_ERR_REPORT_NOT_FOUND', `No report ${args[1]}`);
      },
      dashboards(...args) {
        record('reports.dashboards', args);
        return [];
      },
      dashboard(...args) {
        record('reports.dashboard', args);
        throw new OrdoError('ORDO_ERR_REPORT_NOT_FOUND', `No dashboard ${args[1]}`);
      },
    },
    attachments: {
      async upload(...args) {
        record('attachments.upload', args);
        return { id: '00000000-0000-4000-8000-000000000001', name: String(args[3]), size: (args[4] as Uint8Array).length, type: 'image/png' };
      },
      async download(...args) {
        record('attachments.download', args);
        throw new OrdoError('ORDO_ERR_ATTACHMENT_NOT_FOUND', `No attachment ${String(args[1])}`);
      },
    },
  };
  return state;
}
