import type { FormDefinition, StateMap, TaskEscalation, UserTask, WorkflowDefinition } from '../../../engine/definitions/index.js';
import { isOrdoError, type OrdoError } from '../../../engine/errors/index.js';
import { compileWorkflow, type CompiledWorkflow, type EventActor, type InstanceState, type StepResult, type WorkflowEvent, matchAssignee, startWorkflow, stepWorkflow } from '../../../engine/workflows/index.js';

const text = (en: string) => ({ 'zh-CN': en, en });

export const orderForm: FormDefinition = {
  kind: 'form',
  id: 'order',
  version: 1,
  title: text('Order'),
  schema: {
    type: 'object',
    properties: {
      amount: { type: 'number' },
      special: { type: 'boolean' },
      status: { type: 'string' },
      rep: { type: 'string' },
      promisedDate: { type: 'string', format: 'date' },
      note: { type: 'string' },
      requestedDate: { type: 'string', format: 'date' },
      lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'number' } } } },
    },
  },
} as FormDefinition;

/** What a spawn state makes one of per order line. */
export const jobForm: FormDefinition = {
  kind: 'form',
  id: 'job',
  version: 1,
  title: text('Job'),
  schema: { type: 'object', properties: { order: { type: 'string' }, sku: { type: 'string' }, qty: { type: 'number' }, due: { type: 'string', format: 'date' } } },
} as FormDefinition;

export const jobWorkflow: WorkflowDefinition = {
  kind: 'workflow',
  id: 'job-flow',
  version: 1,
  title: text('Job'),
  form: 'job',
  initial: 'open',
  states: { open: { on: { finish: { target: 'finished' } } }, finished: { type: 'final' } },
} as WorkflowDefinition;

/** An order that spawns a job per line and waits for all of them. */
export function spawningWorkflow(): WorkflowDefinition {
  return {
    ...approvalWorkflow(),
    id: 'order-making',
    states: {
      draft: { on: { submit: { target: 'making' } } },
      making: {
        spawn: { workflow: 'job-flow', form: 'job', forEach: 'lines', link: 'order', data: { sku: 'sku', qty: 'qty * 2', due: 'promisedDate' }, onDone: { target: 'made' } },
      },
      made: { type: 'final' },
    },
  } as WorkflowDefinition;
}

/** A two-step approval: a sales manager, then a countersign when the order is special. */
export function approvalWorkflow(overrides: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return {
    kind: 'workflow',
    id: 'order-approval',
    version: 1,
    title: text('Order approval'),
    form: 'order',
    initial: 'draft',
    states: {
      draft: { on: { submit: { target: 'review', actions: [{ type: 'setFields', fields: { status: '"review"' } }] } } },
      review: { task: { assignees: [{ role: 'sales-manager' }], onApproved: { target: 'route' } } },
      route: { always: [{ guard: 'special', target: 'countersign' }, { target: 'approved' }] },
      countersign: { task: { mode: 'all', assignees: [{ role: 'engineer' }, { role: 'production-manager' }], onApproved: { target: 'approved' } } },
      approved: { type: 'final', entry: [{ type: 'setFields', fields: { status: '"approved"' } }] },
    },
    ...overrides,
  } as WorkflowDefinition;
}

/** The approval workflow with the review task changed, e.g. to another mode or with a due time. */
export function withReview(review: Partial<UserTask>): WorkflowDefinition {
  const base = approvalWorkflow();
  const node = base.states['review'] as { task: UserTask };
  return { ...base, states: { ...base.states, review: { task: { ...node.task, ...review } } } };
}

/** The review is due a day after it opens, with a reminder four hours before. */
export function dueWorkflow(onDue?: TaskEscalation): WorkflowDefinition {
  return withReview({ due: { after: 'P1D', remindBefore: 'PT4H', ...(onDue === undefined ? {} : { onDue }) } });
}

/** After submission: a cooling-off wait, a promise from a native function, then two checks in parallel. */
export function pipelineWorkflow(): WorkflowDefinition {
  const states: StateMap = {
    draft: { on: { submit: { target: 'cooling' } } },
    cooling: { wait: { after: 'PT2H', then: { target: 'promise' } } },
    promise: {
      invoke: {
        function: 'ctp.promise',
        input: { orderDate: '"2026-11-24"', requestedDate: 'requestedDate' },
        output: { promisedDate: 'promisedDate', note: 'reason' },
        onDone: { target: 'checks' },
        onError: { target: 'draft', actions: [{ type: 'setFields', fields: { status: '"promise failed"' } }] },
      },
    },
    checks: {
      type: 'parallel',
      states: {
        finance: {
          initial: 'finance-review',
          states: { 'finance-review': { task: { assignees: [{ user: 'fang' }], onApproved: { target: 'finance-ok' } } }, 'finance-ok': { type: 'final' } },
        },
        quality: {
          initial: 'quality-review',
          states: { 'quality-review': { task: { assignees: [{ user: 'qian' }], onApproved: { target: 'quality-ok' } } }, 'quality-ok': { type: 'final' } },
        },
      },
      onDone: { target: 'approved' },
    },
    approved: { type: 'final', entry: [{ type: 'setFields', fields: { status: '"approved"' } }] },
  };
  return { ...approvalWorkflow(), id: 'order-pipeline', states };
}

export function compile(definition: WorkflowDefinition): CompiledWorkflow {
  return compileWorkflow(definition, { forms: new Map([['order', orderForm], ['job', jobForm]]), workflows: new Map([[jobWorkflow.id, jobWorkflow]]) });
}

export const AT = '2026-11-24T02:00:00.000Z';

/** The OrdoError a call throws; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): OrdoError {
  try {
    run();
  } catch (error) {
    if (isOrdoError(error)) return error;
    throw error;
  }
  throw new Error('expected an OrdoError');
}
export const actor = (username: string, ...roles: string[]): EventActor => ({ username, roles });

/** A directory for tests: role -> users. */
export const DIRECTORY: Record<string, string[]> = {
  'sales-manager': ['wang'],
  engineer: ['wu', 'xu'],
  'production-manager': ['zheng'],
};

/** An event as a test writes it: `at` defaults to AT. Distributes over the union so each kind keeps its fields. */
export type TestEvent = WorkflowEvent extends infer E ? (E extends WorkflowEvent ? Omit<E, 'at'> & { at?: string } : never) : never;

export interface DriverOptions {
  /** Continue an instance from its persisted state instead of starting one. */
  readonly resume?: InstanceState;
  readonly directory?: Readonly<Record<string, readonly string[]>>;
  /** Pass state and record through JSON before every step, as a runtime that reloads them would. */
  readonly roundTrip?: boolean;
}

/**
 * Drives the engine as the runtime does: after each step, assignee requests are answered from the
 * directory, so a test sees the same sequence of events the log would hold.
 */
export class Driver {
  state: InstanceState;
  record: Readonly<Record<string, unknown>>;
  readonly effects: StepResult['effects'][number][] = [];
  readonly events: WorkflowEvent[] = [];
  private readonly directory: Readonly<Record<string, readonly string[]>>;

  constructor(
    readonly compiled: CompiledWorkflow,
    record: Record<string, unknown>,
    initiator = 'li',
    private readonly options: DriverOptions = {},
  ) {
    this.directory = options.directory ?? DIRECTORY;
    if (options.resume !== undefined) {
      this.state = options.resume;
      this.record = record;
      return;
    }
    const result = startWorkflow(compiled, { initiator, record });
    this.state = result.state;
    this.record = result.record;
    this.settle(result);
  }

  send(event: TestEvent): this {
    const full = { at: AT, ...event } as WorkflowEvent;
    const reload = <T>(value: T): T => (this.options.roundTrip === true ? (JSON.parse(JSON.stringify(value)) as T) : value);
    const result = stepWorkflow(this.compiled, reload(this.state), reload(this.record), full);
    this.events.push(full);
    this.state = result.state;
    this.record = result.record;
    this.settle(result);
    return this;
  }

  private settle(result: StepResult): void {
    for (const effect of result.effects) {
      this.effects.push(effect);
      if (effect.kind !== 'resolve-assignees') continue;
      const users = effect.assignees.flatMap((assignee) =>
        matchAssignee(assignee, {
          role: (role) => this.directory[role] ?? [],
          user: (username) => [username],
          field: () => [],
          expression: () => [],
          managerOf: () => [],
          department: () => [],
          departmentOf: () => [],
        }),
      );
      this.send({ type: 'ordo.task.assigned', node: effect.node, users, purpose: effect.purpose, actor: { username: 'system', roles: [] } });
    }
  }

  slotOf(user: string): string {
    for (const round of Object.values(this.state.context.approvals)) {
      const slot = round.slots.find((candidate) => candidate.user === user && candidate.status === 'pending');
      if (slot !== undefined) return slot.id;
    }
    throw new Error(`no pending slot for ${user}`);
  }
}
