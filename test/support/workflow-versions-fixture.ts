import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import type { RuntimeFixture } from './runtime-fixture.js';

/*
 * Two versions of a workflow on the runtime fixture's order form, for moving instances between
 * versions: version 2 renames the planner's check and drops the hold state.
 */

const text = (en: string) => ({ en, 'zh-CN': en });

export const ORDER_FLOW_V1: WorkflowDefinition = {
  kind: 'workflow',
  id: 'order-flow',
  version: 1,
  title: text('Order flow'),
  form: 'order',
  initial: 'draft',
  states: {
    draft: { on: { submit: { target: 'check' }, hold: { target: 'hold' } } },
    hold: { on: { resume: { target: 'draft' } } },
    check: { task: { title: text('Check the order'), assignees: [{ role: 'planner' }], onApproved: { target: 'countersign' }, onRejected: { target: 'draft' } } },
    countersign: {
      task: { title: text('Countersign the order'), mode: 'all', assignees: [{ role: 'finance' }, { role: 'planner' }], onApproved: { target: 'released' } },
    },
    released: { on: { ship: { target: 'shipped' } } },
    shipped: { type: 'final' },
  },
} as WorkflowDefinition;

export const ORDER_FLOW_V2: WorkflowDefinition = {
  ...ORDER_FLOW_V1,
  states: {
    draft: { on: { submit: { target: 'planner-check' } } },
    'planner-check': {
      task: { title: text('Planner checks the order'), assignees: [{ role: 'planner' }], onApproved: { target: 'countersign' }, onRejected: { target: 'draft' } },
    },
    countersign: ORDER_FLOW_V1.states['countersign'],
    released: ORDER_FLOW_V1.states['released'],
    shipped: ORDER_FLOW_V1.states['shipped'],
  },
} as WorkflowDefinition;

/** The renames that take version 1's instances to version 2. */
export const V2_RENAMES = { check: 'planner-check' } as const;

export type FlowStage = 'draft' | 'hold' | 'check' | 'countersign' | 'shipped';

export interface StartedInstance {
  stage: FlowStage;
  instanceId: string;
  recordId: string;
}

/** The id of the actor's open task in the instance. */
export async function taskOf(services: Services, actor: Actor, instanceId: string): Promise<string> {
  const page = await services.workflows.listTasks(actor, { box: 'todo', limit: 200, offset: 0 });
  const task = (page.items as { id: string; instanceId: string }[]).find((item) => item.instanceId === instanceId);
  if (task === undefined) throw new Error(`${actor.username} has no task in ${instanceId}`);
  return task.id;
}

/** One order per stage, each with a running instance of the published flow driven there (shipped has ended). */
export async function startInstances(fixture: RuntimeFixture, stages: readonly FlowStage[]): Promise<StartedInstance[]> {
  const { services, sales, planner, finance } = fixture;
  const customer = await services.records.create(sales, 'customer', { name: 'Hangzhou Water' });
  const started: StartedInstance[] = [];
  for (const stage of stages) {
    const { record } = await services.records.create(sales, 'order', { customer: customer.record.id, qty: 2, price: 10 });
    const { instance } = await services.workflows.start(sales, 'order-flow', record.id);
    const send = (type: string) => services.workflows.sendEvent(sales, instance.id, { type });
    const approve = async (actor: Actor) => services.workflows.completeTask(actor, await taskOf(services, actor, instance.id), { outcome: 'approve' });
    if (stage === 'hold') await send('hold');
    if (stage === 'check' || stage === 'countersign' || stage === 'shipped') await send('submit');
    if (stage === 'countersign' || stage === 'shipped') {
      await approve(planner);
      await approve(planner);
    }
    if (stage === 'shipped') {
      await approve(finance);
      await send('ship');
    }
    started.push({ stage, instanceId: instance.id, recordId: record.id });
  }
  return started;
}
