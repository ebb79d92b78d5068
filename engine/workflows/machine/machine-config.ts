import { fromPromise, setup, type AnyActorLogic, type AnyStateMachine } from 'xstate';
import type { StateNode, StateMap, Transition, WorkflowDefinition } from '../../definitions/generated/definition-types.js';
import type { NativeFunction } from '../../functions/index.js';
import type { WorkflowContext } from '../workflow-types.js';
import { actionConfig, effect, transitionConfig, type ActionConfig } from './action-configs.js';
import { approvalFragment } from './approval-fragment.js';
import { actions, evaluateFormula, evaluateFormulas, guards } from './implementations.js';

export interface MachineInput {
  readonly initiator: string;
  readonly record: Readonly<Record<string, unknown>>;
}

function transitions(value: Transition | Transition[] | undefined): unknown {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map((transition) => transitionConfig(transition)) : transitionConfig(value);
}

function eventMap(on: StateNode['on']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(on ?? {}).map(([event, value]) => [event, transitions(value)]));
}

interface BuildPlace {
  readonly definition: WorkflowDefinition;
  readonly taskStates: readonly string[];
}

/** Visits one state of the definition and gives its xstate config. */
function stateConfig(name: string, node: StateNode, place: BuildPlace): Record<string, unknown> {
  const { definition } = place;
  const isInitial = name === definition.initial;
  const counted = node.task !== undefined || node.wait !== undefined || node.invoke !== undefined || node.spawn !== undefined || isInitial;
  const entry: ActionConfig[] = counted
    ? [{ type: 'ordo.enter', params: { node: name, visit: node.task !== undefined || isInitial, resetsActivity: isInitial } }]
    : [];
  const exit: ActionConfig[] = [];
  let config: Record<string, unknown> = { id: name };

  if (node.task !== undefined) {
    const fragment = approvalFragment({
      node: name,
      task: node.task,
      initial: definition.initial,
      returnCandidates: [...new Set([definition.initial, ...place.taskStates])],
      title: node.task.title ?? node.title ?? { 'zh-CN': name, en: name },
    });
    entry.push(...(fragment['entry'] as ActionConfig[]));
    exit.push(...(fragment['exit'] as ActionConfig[]));
    config = { ...config, initial: fragment['initial'], states: fragment['states'] };
  }
  if (node.wait !== undefined) {
    const wait = node.wait;
    entry.push(effect(({ context }) => ({ kind: 'wait', node: name, round: context.rounds[name] ?? 1, wait })));
  }
  if (node.invoke !== undefined) {
    const invoke = node.invoke;
    const current = { type: 'ordo.invoke.current', params: { node: name } };
    config['invoke'] = {
      id: name,
      src: invoke.function,
      input: ({ context, event }: { context: WorkflowContext; event: { type: string } }) => ({
        ...evaluateFormulas(invoke.input ?? {}, context, event),
        ...Object.fromEntries(Object.entries(invoke.inputLists ?? {}).map(([property, list]) => [property, childRecords(list.input, list.forEach, context, event)])),
      }),
      // A result carries the round of the visit that queued it: one from an earlier visit is stale.
      onDone: transitionConfig(invoke.onDone, { guards: [current], actions: [{ type: 'ordo.invoke.output', params: { output: invoke.output ?? {} } }] }),
      onError: transitionConfig(invoke.onError, { guards: [current] }),
    };
  }
  if (node.spawn !== undefined) {
    const spawn = node.spawn;
    entry.push(
      effect(({ context, event }) => ({
        kind: 'spawn',
        node: name,
        round: context.rounds[name] ?? 1,
        workflow: spawn.workflow,
        form: spawn.form,
        ...(spawn.link === undefined ? {} : { link: spawn.link }),
        records: childRecords(spawn.data, spawn.forEach, context, event),
      })),
    );
  }
  if (node.task !== undefined || node.wait !== undefined || node.invoke !== undefined) {
    exit.push(effect({ kind: 'node-left', node: name }));
  }
  const cancelEvent = node.spawn?.cancelEvent;
  if (cancelEvent !== undefined) {
    // Leaving before every child ended (a cancel) sends the children still running the cancel event.
    exit.push(
      effect(({ context }) => {
        const group = context.children?.[name];
        const running = group === undefined || group.round !== context.rounds[name] ? [] : group.ids.filter((id) => !group.ended.includes(id));
        return { kind: 'cancel-children', node: name, event: cancelEvent, children: running };
      }),
    );
  }
  entry.push(...(node.entry ?? []).map(actionConfig));
  exit.push(...(node.exit ?? []).map(actionConfig));

  const on = eventMap(node.on);
  if (node.wait !== undefined) {
    on['ordo.timer'] = transitionConfig(node.wait.then, { guards: [{ type: 'ordo.timer', params: { node: name, timer: 'wait' } }] });
  }
  if (node.spawn !== undefined) {
    const here = { node: name };
    on['ordo.children.started'] = { guard: { type: 'ordo.children.started', params: here }, actions: [{ type: 'ordo.children.record', params: here }] };
    on['ordo.child.ended'] = { guard: { type: 'ordo.children.waitedFor', params: here }, actions: [{ type: 'ordo.children.ended', params: here }] };
  }
  if (node.type !== undefined) config['type'] = node.type;
  if (node.states !== undefined) {
    config['states'] = statesConfig(node.states, place);
    if (node.initial !== undefined) config['initial'] = node.initial;
  }
  const always = (node.always ?? []).map((transition) => transitionConfig(transition));
  if (node.spawn !== undefined) always.unshift(transitionConfig(node.spawn.onDone, { guards: [{ type: 'ordo.children.allEnded', params: { node: name } }] }));
  if (always.length > 0) config['always'] = always;
  if (node.onDone !== undefined) config['onDone'] = transitionConfig(node.onDone);
  if (Object.keys(on).length > 0) {
    // A task state's own events sit on its `deciding` child; events the definition lists go on the task state itself.
    config['on'] = on;
  }
  if (entry.length > 0) config['entry'] = entry;
  if (exit.length > 0) config['exit'] = exit;
  return config;
}

/** One object per line of `forEach` (a spawn's children, an invocation's input list), from formulas that see the line first. */
function childRecords(
  data: Readonly<Record<string, string>>,
  forEach: string | undefined,
  context: WorkflowContext,
  event: { type: string },
): Record<string, unknown>[] {
  if (forEach === undefined) return [evaluateFormulas(data, context, event)];
  const lines = context.record[forEach];
  if (!Array.isArray(lines)) return [];
  return lines.map((line) =>
    Object.fromEntries(Object.entries(data).map(([field, source]) => [field, evaluateFormula(source, context, event, line as Record<string, unknown>)])),
  );
}

function statesConfig(states: StateMap, place: BuildPlace): Record<string, unknown> {
  return Object.fromEntries(Object.entries(states).map(([name, node]) => [name, stateConfig(name, node, place)]));
}

/**
 * Builds the xstate machine of a definition that passed checkWorkflow. Native functions become
 * promise actors, so the machine also runs in memory (the designer's simulation); the durable
 * runtime never lets xstate start them and queues each call as a job instead.
 */
export function buildMachine(definition: WorkflowDefinition, taskStates: readonly string[], functions: ReadonlyMap<string, NativeFunction>): AnyStateMachine {
  const actors: Record<string, AnyActorLogic> = Object.fromEntries(
    [...functions.values()].map((fn) => [fn.name, fromPromise(async ({ input }: { input: Record<string, unknown> }) => fn.run(input, { now: new Date() }))]),
  );
  const place: BuildPlace = { definition, taskStates };
  // The config is built from data, so xstate's inference has nothing to check; the definition checks did that.
  const machine: unknown = setup({
    types: {} as { context: WorkflowContext; input: MachineInput },
    guards,
    actions: actions as never,
    actors,
  }).createMachine({
    id: definition.id,
    context: ({ input }: { input: MachineInput }) => ({
      record: input.record,
      initiator: input.initiator,
      rounds: {},
      visited: [],
      approvals: {},
      actedSinceSubmit: false,
    }),
    initial: definition.initial,
    states: statesConfig(definition.states, place),
    on: eventMap(definition.on),
  } as never);
  return machine as AnyStateMachine;
}
