import type { FormDefinition, WorkflowDefinition } from '../../../engine/definitions/index.js';
import { compileWorkflow, type CompiledWorkflow, type EventActor, type InstanceState, type StepResult, type WorkflowEvent, startWorkflow, stepWorkflow } from '../../../engine/workflows/index.js';

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
    },
  },
} as FormDefinition;

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

export function compile(definition: WorkflowDefinition): CompiledWorkflow {
  return compileWorkflow(definition, { forms: new Map([['order', orderForm]]) });
}

export const AT = '2026-11-24T02:00:00.000Z';
export const actor = (username: string, ...roles: string[]): EventActor => ({ username, roles });

/** A directory for tests: role -> users. */
export const DIRECTORY: Record<string, string[]> = {
  'sales-manager': ['wang'],
  engineer: ['wu', 'xu'],
  'production-manager': ['zheng'],
};

/**
 * Drives the engine as the runtime does: after each step, assignee requests are answered from the
 * directory, so a test sees the same sequence of events the log would hold.
 */
export class Driver {
  state: InstanceState;
  record: Readonly<Record<string, unknown>>;
  readonly effects: StepResult['effects'][number][] = [];
  readonly events: WorkflowEvent[] = [];

  constructor(readonly compiled: CompiledWorkflow, record: Record<string, unknown>, initiator = 'li') {
    const result = startWorkflow(compiled, { initiator, record });
    this.state = result.state;
    this.record = result.record;
    this.settle(result);
  }

  send(event: { type: string; actor: EventActor; at?: string; [key: string]: unknown }): this {
    const full = { at: AT, ...event } as WorkflowEvent;
    const result = stepWorkflow(this.compiled, this.state, this.record, full);
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
      const users = effect.assignees.flatMap((assignee) => ('role' in assignee ? (DIRECTORY[assignee.role] ?? []) : 'user' in assignee ? [assignee.user] : []));
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
