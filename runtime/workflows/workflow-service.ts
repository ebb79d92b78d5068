import { OrdoError, isOrdoError } from '../../engine/errors/index.js';
import type { CompiledForm } from '../../engine/forms/index.js';
import type { ApprovalRound, CompiledWorkflow } from '../../engine/workflows/index.js';
import type { OrdoDatabase } from '../db/index.js';
import {
  databaseNow,
  findDisplayNames,
  findInstance,
  findInstanceForCommand,
  findRecord,
  findTask,
  findUserByUsername,
  listEvents,
  listInstances,
  listInstancesOfRecord,
  listNotifications,
  listTasks,
  listTasksOfInstance,
  saveTaskDraft,
  type Executor,
  type RecordRow,
  type TaskRow,
  type WorkflowInstanceRow,
} from '../stores/index.js';
import { isAdmin, mayUseForm, refuseUnreadableFields } from '../services/form-access.js';
import { runIdempotent } from '../services/idempotent-command.js';
import type { Actor, DefinitionService } from '../services/types.js';
import { instanceDto, notificationDto, taskDto, timelineEntry } from './instance-views.js';
import { createTimerFiring, type InvokeFunction } from './timer-firing.js';
import type { CommandActor } from './step-log.js';
import { advanceInstance, isLoneStep, loadRecord, planStep, startInstance, type StepOutcome } from './step-runner.js';
import type { CommandOptions, CommandResult, InstanceDto, TaskDto, WorkflowService } from './types.js';

/** Tasks one handover moves at most; a departed employee with more is handed over again. */
const MAX_HANDOVER = 500;

/** Names a person may send; the rest are the engine's own. */
function requireBusinessEvent(type: string): void {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(type) || ['approve', 'reject', 'return', 'transfer', 'add-signer', 'withdraw'].includes(type)) {
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `/type: "${type}" is not an event that can be sent here`, {
      fields: [{ pointer: '/type', code: 'enum', message: 'not a business event; task actions have their own routes' }],
    });
  }
}

export function createWorkflowService(deps: { database: OrdoDatabase; definitions: DefinitionService; invoke: InvokeFunction }): WorkflowService {
  const { database, definitions } = deps;
  const { db } = database;
  const stepDeps = {
    form: (id: string): CompiledForm => definitions.form(id),
    workflow: (id: string, version?: number): CompiledWorkflow => definitions.workflow(id, version),
    departments: () => definitions.app()?.departments ?? [],
  };
  const compiledOf = (row: WorkflowInstanceRow): CompiledWorkflow => definitions.workflow(row.workflow, row.workflow_version);

  async function requireInstance(exec: Executor, id: string): Promise<WorkflowInstanceRow> {
    const row = await findInstance(exec, id);
    if (row === undefined) throw new OrdoError('ORDO_ERR_WORKFLOW_NOT_FOUND', `No workflow instance ${id}`);
    return row;
  }

  function requireReadable(actor: Actor, row: { form: string }): void {
    if (!mayUseForm(definitions.form(row.form).definition, actor.roles, 'read'))
      throw new OrdoError('ORDO_ERR_WORKFLOW_NOT_FOUND', 'No such workflow instance');
  }

  /** An event with no roles on its transitions is for those who may change the record, as the meta-schema says. */
  function requireMaySend(actor: Actor, row: WorkflowInstanceRow, type: string): void {
    if (mayUseForm(definitions.form(row.form).definition, actor.roles, 'update')) return;
    const roles = compiledOf(row).eventRoles(type);
    if (roles === undefined || !actor.roles.some((role) => roles.has(role))) throw new OrdoError('ORDO_ERR_FORBIDDEN', `You may not send "${type}" here`);
  }

  async function names(exec: Executor, rows: readonly TaskRow[]): Promise<ReadonlyMap<string, string>> {
    return findDisplayNames(exec, [...new Set(rows.map((row) => row.assignee))]);
  }

  /** A task as a reader of its instance sees it: a draft is its assignee's unfinished input, not yet anyone else's to read. */
  function taskSeenBy(actor: Actor, row: TaskRow, compiled: CompiledWorkflow, taskNames: ReadonlyMap<string, string>): TaskDto {
    const dto = taskDto(row, compiled, taskNames);
    return row.assignee === actor.username || isAdmin(actor.roles) ? dto : { ...dto, draft: null };
  }

  /**
   * The instance as the caller sees it. After a command the record and the time are already known,
   * and tasks are read only when a slot is pending: each read is a round trip inside the command's
   * transaction (BENCHMARKS.md, bench:workflow).
   */
  async function view(
    exec: Executor,
    actor: Actor,
    row: WorkflowInstanceRow,
    known?: { record: Readonly<Record<string, unknown>>; at: Date },
  ): Promise<InstanceDto> {
    const compiled = compiledOf(row);
    const approvals = Object.values((row.context as { approvals?: Record<string, ApprovalRound> }).approvals ?? {});
    const pending = approvals.some((round) => round.slots.some((slot) => slot.status === 'pending'));
    const tasks = pending ? (await listTasksOfInstance(exec, row.id)).filter((task) => task.status === 'open' || task.status === 'waiting') : [];
    const record = known?.record ?? (await findRecord(exec, row.form, row.record_id))?.data;
    const at = known?.at ?? (await databaseNow(exec));
    const taskNames = tasks.length === 0 ? new Map<string, string>() : await names(exec, tasks);
    return instanceDto(
      row,
      compiled,
      tasks.map((task) => taskSeenBy(actor, task, compiled, taskNames)),
      { actor, record, at },
    );
  }

  /** One command: the step in its own transaction, the answer read in it too, replayable by key. */
  async function command(
    actor: Actor,
    options: CommandOptions | undefined,
    request: unknown,
    work: (trx: Executor) => Promise<StepOutcome & { at: Date }>,
  ): Promise<CommandResult> {
    const { result, replayed } = await runIdempotent(database, actor, options?.idempotencyKey, request, async (trx) => {
      const outcome = await work(trx);
      return view(trx, actor, outcome.row, { record: outcome.record, at: outcome.at });
    });
    return { instance: result, replayed };
  }

  async function advance(
    trx: Executor,
    row: WorkflowInstanceRow,
    event: { type: string; [key: string]: unknown },
    actor: CommandActor,
    at: Date,
    more: { recordPatch?: Record<string, unknown> | undefined; record?: RecordRow | undefined } = {},
  ): Promise<StepOutcome & { at: Date }> {
    if (row.status !== 'running') throw new OrdoError('ORDO_ERR_WORKFLOW_EVENT_REJECTED', 'The workflow has ended');
    const { recordPatch, record } = more;
    const outcome = await advanceInstance(trx, stepDeps, compiledOf(row), {
      instance: row,
      event,
      actor,
      at,
      ...(recordPatch === undefined ? {} : { recordPatch }),
      ...(record === undefined ? {} : { record }),
    });
    return { ...outcome, at };
  }

  /**
   * An event sent to an instance by a person. With an idempotency key it is a command like any
   * other. Without one, the instance is read first and a transaction begun only when the step
   * writes more than its one conditional statement (isLoneStep): at READ COMMITTED a read inside
   * the transaction promised nothing more, since the write commits only if the instance's revision
   * is still the one read.
   */
  function instanceCommand(
    actor: Actor,
    options: CommandOptions | undefined,
    request: unknown,
    instanceId: string,
    event: { type: string; comment?: string },
    mayAct: (instance: WorkflowInstanceRow) => void,
  ): Promise<CommandResult> {
    const checked = async (exec: Executor) => {
      const loaded = await loadForCommand(exec, instanceId);
      requireReadable(actor, loaded.instance);
      mayAct(loaded.instance);
      if (loaded.instance.status !== 'running') throw new OrdoError('ORDO_ERR_WORKFLOW_EVENT_REJECTED', 'The workflow has ended');
      return loaded;
    };
    if (options?.idempotencyKey !== undefined) {
      return command(actor, options, request, async (trx) => {
        const { instance, record, now } = await checked(trx);
        return advance(trx, instance, event, actor, now, { record });
      });
    }
    return db.connection().execute(async (conn) => {
      const { instance, record, now } = await checked(conn);
      const compiled = compiledOf(instance);
      const input = { instance, event, actor, at: now, record };
      const planned = planStep(compiled, input);
      const answer = async (exec: Executor) => {
        const outcome = await advanceInstance(exec, stepDeps, compiled, input, planned);
        return view(exec, actor, outcome.row, { record: outcome.record, at: now });
      };
      const dto = isLoneStep(instance, planned) ? await answer(conn) : await conn.transaction().execute(answer);
      return { instance: dto, replayed: false };
    });
  }

  /** The instance, its record and the database's time, read in one statement. */
  async function loadForCommand(trx: Executor, id: string): Promise<{ instance: WorkflowInstanceRow; record: RecordRow; now: Date }> {
    const loaded = await findInstanceForCommand(trx, id);
    if (loaded === undefined) throw new OrdoError('ORDO_ERR_WORKFLOW_NOT_FOUND', `No workflow instance ${id}`);
    if (loaded.record === undefined) throw new OrdoError('ORDO_ERR_RECORD_NOT_FOUND', `No record ${loaded.instance.record_id} in form ${loaded.instance.form}`);
    return { instance: loaded.instance, record: loaded.record, now: loaded.now };
  }

  /** The caller's open task and its instance; someone else's task reads as not found. */
  async function requireOwnTask(trx: Executor, actor: Actor, taskId: string): Promise<{ task: TaskRow; instance: WorkflowInstanceRow; record: RecordRow; now: Date }> {
    const task = await findTask(trx, taskId);
    if (task === undefined || (task.assignee !== actor.username && !isAdmin(actor.roles))) throw new OrdoError('ORDO_ERR_TASK_NOT_FOUND', `No task ${taskId}`);
    if (task.status !== 'open') throw new OrdoError('ORDO_ERR_TASK_NOT_ACTIVE', `Task ${taskId} is ${task.status}`, { extra: { taskStatus: task.status } });
    return { task, ...(await loadForCommand(trx, task.instance_id)) };
  }

  /**
   * editableFields widen what the assignee may write, not what they may read: a field hidden from
   * their roles is refused as the record API refuses it, or the task form would write blind guesses.
   */
  function taskEditPatch(
    actor: Actor,
    compiled: CompiledWorkflow,
    node: string,
    data: Record<string, unknown> | undefined,
  ): Record<string, unknown> | undefined {
    if (data === undefined || Object.keys(data).length === 0) return undefined;
    refuseUnreadableFields(definitions.form(compiled.definition.form).definition, actor.roles, actor.locale, data);
    const editable = new Set(compiled.taskOf(node)?.editableFields ?? []);
    const refused = Object.keys(data).filter((field) => !editable.has(field));
    if (refused.length > 0) {
      throw new OrdoError('ORDO_ERR_FIELD_FORBIDDEN', `This task may not change ${refused.join(', ')}`, {
        fields: refused.map((field) => ({ pointer: `/data/${field}`, code: 'forbidden', message: 'not editable in this task' })),
      });
    }
    return data;
  }

  /** A task given to a name nobody has would sit in no inbox; the assignee rules drop such names too. */
  async function requireUser(exec: Executor, username: string, pointer: string): Promise<void> {
    if ((await findUserByUsername(exec, username)) !== undefined) return;
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${pointer}: no user "${username}"`, {
      fields: [{ pointer, code: 'unknown', message: `no user "${username}"` }],
    });
  }

  function taskCommand(
    name: string,
    build: (task: TaskRow) => { type: string; [key: string]: unknown },
    patch?: (compiled: CompiledWorkflow, task: TaskRow) => Record<string, unknown> | undefined,
    recipient?: { username: string; pointer: string },
  ) {
    return (actor: Actor, taskId: string, input: unknown, options?: CommandOptions) =>
      command(actor, options, { command: name, taskId, input }, async (trx) => {
        const { task, instance, record, now } = await requireOwnTask(trx, actor, taskId);
        if (recipient !== undefined) await requireUser(trx, recipient.username, recipient.pointer);
        if (options?.batch === true && compiledOf(instance).taskOf(task.node)?.allow?.batch === false) {
          throw new OrdoError('ORDO_ERR_FORBIDDEN', 'This task must be decided on its own, not in a batch');
        }
        // An administrator acts on someone's task for that assignee; the log keeps who really did it.
        const onBehalf = task.assignee === actor.username ? {} : { onBehalfOf: task.assignee };
        return advance(trx, instance, { ...build(task), slot: task.slot, ...onBehalf }, actor, now, { recordPatch: patch?.(compiledOf(instance), task), record });
      });
  }

  function startable(actor: Actor, workflowId: string): CompiledWorkflow {
    const compiled = definitions.workflow(workflowId);
    const form = definitions.form(compiled.definition.form).definition;
    const roles = compiled.definition.start?.roles;
    const listed = roles !== undefined && (isAdmin(actor.roles) || actor.roles.some((role) => roles.includes(role)));
    // start.roles names who may start, among those who may see the record at all.
    const allowed = roles === undefined ? mayUseForm(form, actor.roles, 'create') : listed && mayUseForm(form, actor.roles, 'read');
    if (!allowed) throw new OrdoError('ORDO_ERR_FORBIDDEN', `You may not start ${workflowId}`);
    return compiled;
  }

  return {
    async startWithin(trx, actor, workflowId, record, at) {
      const compiled = startable(actor, workflowId);
      if (record.form !== compiled.definition.form) throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `${workflowId} runs on ${compiled.definition.form}, not ${record.form}`);
      return (await startInstance(trx, stepDeps, compiled, { record, actor, at })).row;
    },

    async start(actor, workflowId, recordId, options) {
      const compiled = startable(actor, workflowId);
      return command(actor, options, { command: 'start', workflowId, recordId }, async (trx) => {
        const at = await databaseNow(trx);
        const record = await loadRecord(trx, compiled.definition.form, recordId);
        return { ...(await startInstance(trx, stepDeps, compiled, { record, actor, at })), at };
      });
    },

    async get(actor, instanceId) {
      const row = await requireInstance(db, instanceId);
      requireReadable(actor, row);
      const compiled = compiledOf(row);
      const tasks = await listTasksOfInstance(db, row.id);
      const taskNames = await names(db, tasks);
      const events = await listEvents(db, row.id);
      return { ...(await view(db, actor, row)), timeline: events.map(timelineEntry), tasks: tasks.map((task) => taskSeenBy(actor, task, compiled, taskNames)) };
    },

    async listForRecord(actor, form, recordId) {
      if (!mayUseForm(definitions.form(form).definition, actor.roles, 'read')) throw new OrdoError('ORDO_ERR_FORBIDDEN', `You may not read ${form}`);
      const rows = (await listInstancesOfRecord(db, recordId)).filter((row) => row.form === form);
      return Promise.all(rows.map((row) => view(db, actor, row)));
    },

    sendEvent(actor, instanceId, input, options) {
      requireBusinessEvent(input.type);
      const event = { type: input.type, ...(input.comment === undefined ? {} : { comment: input.comment }) };
      return instanceCommand(actor, options, { command: 'event', instanceId, input }, instanceId, event, (instance) => requireMaySend(actor, instance, input.type));
    },

    withdraw(actor, instanceId, input, options) {
      const event = { type: 'withdraw', ...(input.comment === undefined ? {} : { comment: input.comment }) };
      return instanceCommand(actor, options, { command: 'withdraw', instanceId, input }, instanceId, event, () => undefined);
    },

    completeTask: (actor, taskId, input, options) =>
      taskCommand(
        'complete',
        () => ({ type: input.outcome, ...(input.comment === undefined ? {} : { comment: input.comment }) }),
        (compiled, task) => taskEditPatch(actor, compiled, task.node, input.data),
      )(actor, taskId, input, options),
    returnTask: (actor, taskId, input, options) =>
      taskCommand('return', () => ({ type: 'return', to: input.to, ...(input.comment === undefined ? {} : { comment: input.comment }) }))(
        actor,
        taskId,
        input,
        options,
      ),
    transferTask: (actor, taskId, input, options) =>
      taskCommand('transfer', () => ({ type: 'transfer', to: input.to, ...(input.comment === undefined ? {} : { comment: input.comment }) }), undefined, {
        username: input.to,
        pointer: '/to',
      })(actor, taskId, input, options),
    addSigner: (actor, taskId, input, options) =>
      taskCommand(
        'add-signer',
        () => ({ type: 'add-signer', user: input.user, position: input.position, ...(input.comment === undefined ? {} : { comment: input.comment }) }),
        undefined,
        { username: input.user, pointer: '/user' },
      )(actor, taskId, input, options),

    async saveDraft(actor, taskId, data) {
      return db.transaction().execute(async (trx) => {
        const { task, instance } = await requireOwnTask(trx, actor, taskId);
        const compiled = compiledOf(instance);
        taskEditPatch(actor, compiled, task.node, data);
        const saved = await saveTaskDraft(trx, task.id, data);
        // Decided between the check above and the write.
        if (saved === undefined) throw new OrdoError('ORDO_ERR_TASK_NOT_ACTIVE', `Task ${task.id} is no longer open`);
        return taskDto(saved, compiled, await names(trx, [saved]));
      });
    },

    async getTask(actor, taskId) {
      const task = await findTask(db, taskId);
      if (task === undefined || (task.assignee !== actor.username && task.acted_by !== actor.username && !isAdmin(actor.roles))) {
        throw new OrdoError('ORDO_ERR_TASK_NOT_FOUND', `No task ${taskId}`);
      }
      const instance = await requireInstance(db, task.instance_id);
      return taskDto(task, compiledOf(instance), await names(db, [task]));
    },

    async listTasks(actor, query) {
      const page = { limit: query.limit, offset: query.offset };
      if (query.box === 'initiated') {
        const { rows, total } = await listInstances(db, {
          initiator: actor.username,
          ...(query.workflow === undefined ? {} : { workflow: query.workflow }),
          ...page,
        });
        return { items: await Promise.all(rows.map((row) => view(db, actor, row))), total, ...page };
      }
      if (query.box === 'cc') {
        const { rows, total } = await listNotifications(db, { username: actor.username, ...page });
        return { items: rows.map(notificationDto), total, ...page };
      }
      const filter = query.box === 'todo' ? { assignee: actor.username, statuses: ['open' as const] } : { actedBy: actor.username };
      const { rows, total } = await listTasks(db, { ...filter, ...(query.workflow === undefined ? {} : { workflow: query.workflow }), ...page });
      const taskNames = await names(db, rows);
      return {
        items: rows.map((row) => {
          let compiled: CompiledWorkflow | undefined;
          try {
            compiled = definitions.workflow(row.workflow);
          } catch {
            compiled = undefined;
          }
          return taskDto(row, compiled, taskNames);
        }),
        total,
        ...page,
      };
    },

    async handover(actor, input) {
      if (!isAdmin(actor.roles)) throw new OrdoError('ORDO_ERR_FORBIDDEN', 'Only administrators hand over tasks');
      await requireUser(db, input.to, '/to');
      const { rows } = await listTasks(db, { assignee: input.from, statuses: ['open', 'waiting'], limit: MAX_HANDOVER, offset: 0 });
      let moved = 0;
      const failed: { taskId: string; code: string; message: string }[] = [];
      // One transaction per task: a task that cannot move (the new user already votes in that
      // countersign) is reported and the others still move.
      for (const task of rows) {
        try {
          await db.transaction().execute(async (trx) => {
            const instance = await requireInstance(trx, task.instance_id);
            const at = await databaseNow(trx);
            await advance(
              trx,
              instance,
              { type: 'ordo.task.handover', slot: task.slot, to: input.to, comment: `handover ${input.from} -> ${input.to}` },
              actor,
              at,
            );
          });
          moved += 1;
        } catch (error) {
          if (!isOrdoError(error)) throw error;
          failed.push({ taskId: task.id, code: error.code, message: error.message });
        }
      }
      return { moved, failed };
    },

    async fireDueTimers(limit) {
      const fireOne = createTimerFiring(db, advance, deps.invoke);
      let fired = 0;
      while (fired < limit) {
        const outcome = await fireOne();
        if (outcome === 'none') break;
        fired += 1;
      }
      return fired;
    },
  };
}
