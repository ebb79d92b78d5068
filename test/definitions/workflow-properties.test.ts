import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignee, FormDefinition, StateMap, StateNode, WorkflowDefinition } from '../../engine/definitions/index.js';
import { isErrorCode, isOrdoError } from '../../engine/errors/index.js';
import { compileExpression } from '../../engine/expressions/index.js';
import {
  acceptedEvents,
  activeSlots,
  compileWorkflow,
  departmentManager,
  matchAssignee,
  namesIn,
  restoreSnapshot,
  startWorkflow,
  stepWorkflow,
  type CompiledWorkflow,
  type EventActor,
  type InstanceState,
  type StepResult,
  type WorkflowEvent,
} from '../../engine/workflows/index.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../runtime/cli/paths.js';

/*
 * Random runs of every shipped workflow through the engine alone: business events, task actions,
 * timers and native-function results from random people, on records with random field values.
 * Whatever arrives, the engine applies it or refuses it with a documented problem code, and the
 * instance stays one the definition can hold.
 */

const loaded = await loadDefinitions(shippedDefinitionsDir);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const { app, forms, workflows } = loaded.definitions;
const formsById = new Map<string, FormDefinition>(forms.map((form) => [form.id, form]));
const DOCUMENTED = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const AT = '2026-11-24T02:00:00.000Z';
const SYSTEM: EventActor = { username: 'system', roles: [] };

/** One person per role, two engineers and two sales clerks; a sales clerk's manager is a sales manager, everyone else's an administrator. */
const ROLES = (app?.roles ?? []).map((role) => role.id);
const PEOPLE = ROLES.flatMap((role) => (role === 'engineer' || role === 'sales-clerk' ? [`${role}-1`, `${role}-2`] : [`${role}-1`]));
const roleOf = (user: string) => user.replace(/-\d+$/, '');
const byRole = (role: string) => PEOPLE.filter((user) => roleOf(user) === role);
const managerOf = (user: string) => (roleOf(user) === 'sales-clerk' ? 'sales-manager-1' : 'admin-1');
const actorOf = (user: string): EventActor => ({ username: user, roles: [roleOf(user)] });

/** The demo's departments by role (a quality engineer works in 质量部), and each department head's role. */
const DEMO_USERS = JSON.parse(readFileSync(new URL('../../definitions/mto/demo/users.json', import.meta.url), 'utf8')) as { username: string; roles: string[]; departments?: string[] }[];
const departmentsOf = (user: string) => DEMO_USERS.filter((demo) => demo.roles.includes(roleOf(user))).flatMap((demo) => demo.departments ?? []);
const personOf = (username: string) => byRole(DEMO_USERS.find((demo) => demo.username === username)?.roles[0] ?? '').slice(0, 1);

function inDepartment(department: string, within: { kind: 'members'; role?: string } | { kind: 'manager' }): string[] {
  if (within.kind === 'manager') {
    const manager = departmentManager(app?.departments ?? [], department);
    return manager === undefined ? [] : personOf(manager);
  }
  return PEOPLE.filter((user) => departmentsOf(user).includes(department) && (within.role === undefined || roleOf(user) === within.role));
}

function resolveOne(assignee: Assignee, record: Readonly<Record<string, unknown>>): string[] {
  return matchAssignee(assignee, {
    role: byRole,
    user: (username) => [username],
    field: (field) => namesIn(record[field]),
    expression: (source) => namesIn(compileExpression(source).evaluate({ fields: record }, { now: new Date(AT) })),
    managerOf: (of) => resolveOne(of, record).filter((user) => PEOPLE.includes(user)).map(managerOf),
    department: inDepartment,
    departmentOf: (field, within) => namesIn(record[field]).flatMap((department) => inDepartment(department, within)),
  });
}

/** The runtime's rule: the people named who exist, else the administrators. */
function resolve(assignees: readonly Assignee[], record: Readonly<Record<string, unknown>>): string[] {
  const found = [...new Set(assignees.flatMap((assignee) => resolveOne(assignee, record)))].filter((user) => PEOPLE.includes(user));
  return found.length > 0 ? found : byRole('admin');
}

interface Shape {
  readonly tasks: string[];
  readonly countersigns: string[];
  readonly timed: string[];
  readonly invokes: string[];
  readonly all: string[];
  /** People with a role some transition of the definition names. */
  readonly senders: string[];
  /** Events the whole workflow takes (cancel and the like): sent less often, or every run would end early. */
  readonly global: string[];
}

function shapeOf(definition: WorkflowDefinition): Shape {
  const shape: Shape = { tasks: [], countersigns: [], timed: [], invokes: [], all: [], senders: [], global: Object.keys(definition.on ?? {}) };
  const roles = new Set<string>();
  const listen = (on: StateNode['on']) => {
    for (const value of Object.values(on ?? {})) for (const transition of [value].flat()) for (const role of transition.roles ?? []) roles.add(role);
  };
  listen(definition.on);
  const visit = (states: StateMap) => {
    for (const [name, node] of Object.entries(states)) {
      shape.all.push(name);
      listen(node.on);
      if (node.task !== undefined) shape.tasks.push(name);
      if (node.task?.mode === 'all') shape.countersigns.push(name);
      if (node.task !== undefined || node.wait !== undefined || node.invoke !== undefined) shape.timed.push(name);
      if (node.invoke !== undefined) shape.invokes.push(name);
      if (node.states !== undefined) visit(node.states);
    }
  };
  visit(definition.states);
  shape.senders.push(...PEOPLE.filter((user) => roles.has(roleOf(user))));
  return shape;
}

function activeStates(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value as Record<string, unknown>).flatMap(([name, child]) => [name, ...activeStates(child)]);
}

/** Random field values of the right JSON type for each top-level field of the form (sub-tables left empty). */
function recordOf(form: FormDefinition): fc.Arbitrary<Record<string, unknown>> {
  const properties = (form.schema as { properties?: Record<string, { type?: string; format?: string; enum?: string[] }> }).properties ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.enum !== undefined) fields[name] = fc.constantFrom(...property.enum);
    else if (property.type === 'number' || property.type === 'integer') fields[name] = fc.integer({ min: 0, max: 1_000_000 });
    else if (property.type === 'boolean') fields[name] = fc.boolean();
    else if (property.type === 'array') fields[name] = fc.constant([]);
    else if (property.format === 'date') fields[name] = fc.integer({ min: 0, max: 400 }).map((day) => new Date(Date.UTC(2026, 9, 1 + day)).toISOString().slice(0, 10));
    else if (property.type === 'string') fields[name] = fc.oneof(fc.constantFrom(...PEOPLE), fc.constantFrom('', 'x', 'BOM-1'));
  }
  return fc.record(fields, { requiredKeys: [] });
}

/** What to do next, as numbers the run turns into an event for the state it is in. */
const intent = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constantFrom('business', 'approve'), weight: 8 },
    { arbitrary: fc.constantFrom('reject', 'return', 'transfer', 'add-signer', 'withdraw', 'timer', 'done', 'error', 'set-field'), weight: 5 },
  ),
  pick: fc.nat(),
  other: fc.nat(),
  actor: fc.nat(),
  /** Most of the time the person whose slot it is acts; sometimes anybody. */
  rightPerson: fc.nat(4).map((n) => n > 0),
  comment: fc.option(fc.constantFrom('ok', '  ', '理由'), { nil: undefined }),
  roundShift: fc.constantFrom(0, 0, 0, -1, 1),
  value: fc.oneof(fc.constantFrom<unknown>(null, '', true, false, 0, 600_000, 'effective', 'not-effective', 'supplier', 'critical', 'over-limit'), fc.constantFrom(...PEOPLE)),
});
type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

const at = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

interface Run {
  compiled: CompiledWorkflow;
  shape: Shape;
  state: InstanceState;
  record: Record<string, unknown>;
}

function allSlots(state: InstanceState) {
  return Object.values(state.context.approvals).flatMap((round) => round.slots);
}

/** The event an intent stands for in the run's current state; undefined for a change of the record itself. */
function eventFor(run: Run, step: Intent): WorkflowEvent | undefined {
  const { state, shape, compiled } = run;
  const active = Object.values(state.context.approvals).flatMap((round) => activeSlots(round));
  const slot = step.rightPerson ? (at(active, step.pick) ?? at(allSlots(state), step.pick)) : at(allSlots(state), step.pick);
  const someone = at(PEOPLE, step.actor) as string;
  const slotActor = step.rightPerson && slot !== undefined ? actorOf(slot.user) : actorOf(someone);
  const base = { at: AT, ...(step.comment === undefined ? {} : { comment: step.comment }) };
  const current = new Set(activeStates(state.value));
  // The right person moves the instance on: an approval while nobody has a task becomes the next event, and an
  // event while someone has a task mostly becomes that approval, or a workflow-wide cancel would end most runs early.
  const rare = step.other % 8 === 0;
  let kind = step.kind;
  if (step.rightPerson && kind === 'approve' && active.length === 0) kind = shape.invokes.some((name) => current.has(name)) ? 'done' : 'business';
  else if (step.rightPerson && kind === 'business' && active.length > 0 && !rare) kind = 'approve';
  const slotId = slot?.id ?? 'nowhere.1.1';
  const roundOf = (node: string) => (state.context.rounds[node] ?? 1) + step.roundShift;
  switch (kind) {
    case 'business': {
      // The right person is one whom some event of the definition lets act, sending an event the instance accepts now.
      const actor = actorOf(step.rightPerson ? (at(shape.senders, step.actor) ?? someone) : someone);
      const accepted = step.rightPerson && state.status === 'running' ? acceptedEvents(compiled, state, run.record, actor, AT) : [];
      const local = accepted.filter((type) => !shape.global.includes(type));
      const choice = rare || local.length === 0 ? accepted : local;
      return { ...base, type: at(choice, step.pick) ?? at(compiled.businessEvents, step.pick) ?? 'submit', actor };
    }
    case 'approve':
    case 'reject':
      return { ...base, type: kind, slot: slotId, actor: slotActor };
    case 'return':
      return { ...base, type: 'return', slot: slotId, to: at(['previous', 'initiator', ...shape.tasks, 'nowhere'], step.other) as string, actor: slotActor };
    case 'transfer':
      return { ...base, type: 'transfer', slot: slotId, to: at(PEOPLE, step.other) as string, actor: slotActor };
    case 'add-signer':
      return { ...base, type: 'add-signer', slot: slotId, user: at(PEOPLE, step.other) as string, position: at(['before', 'after', 'beside'] as const, step.other) ?? 'before', actor: slotActor };
    case 'withdraw':
      return { ...base, type: 'withdraw', actor: step.rightPerson ? actorOf(state.context.initiator) : actorOf(someone) };
    case 'timer': {
      const node = at(step.rightPerson ? shape.timed.filter((name) => current.has(name)) : [], step.pick) ?? at(shape.timed, step.pick) ?? at(shape.all, step.pick) ?? 'nowhere';
      return { ...base, type: 'ordo.timer', node, round: roundOf(node), timer: at(['due', 'remind', 'wait'] as const, step.other) ?? 'due', actor: SYSTEM };
    }
    case 'done':
    case 'error': {
      const node = at(step.rightPerson ? shape.invokes.filter((name) => current.has(name)) : [], step.pick) ?? at(shape.invokes, step.pick) ?? at(shape.all, step.pick) ?? 'nowhere';
      const round = step.roundShift === 1 ? {} : { round: roundOf(node) };
      return kind === 'done'
        ? { ...base, ...round, type: `xstate.done.actor.${node}` as const, output: { promisedDate: '2026-12-28', reason: step.value }, actor: SYSTEM }
        : { ...base, ...round, type: `xstate.error.actor.${node}` as const, error: 'the planner is down', actor: SYSTEM };
    }
    case 'set-field':
      return undefined;
  }
}

/** One command as the runtime runs it: the event and the assignments it asks for, all or nothing. */
function command(run: Run, first: () => StepResult): StepResult {
  let result = first();
  const pending = [...result.effects];
  for (let steps = 0; pending.length > 0; steps += 1) {
    if (steps > 100) throw new Error('the workflow did not settle');
    const effect = pending.shift();
    if (effect?.kind !== 'resolve-assignees') continue;
    const users = resolve(effect.assignees, result.record);
    result = stepWorkflow(run.compiled, result.state, result.record, { type: 'ordo.task.assigned', node: effect.node, users, purpose: effect.purpose, actor: SYSTEM, at: AT });
    pending.push(...result.effects);
  }
  return result;
}

/** Refusals must be OrdoErrors whose code the catalogue has and docs/errors.md explains. */
function requireDocumented(error: unknown): void {
  if (!isOrdoError(error)) throw error;
  expect(isErrorCode(error.code), error.code).toBe(true);
  expect(DOCUMENTED, error.code).toContain(`\`${error.code}\``);
}

function checkInstance(run: Run): void {
  const stored = JSON.parse(JSON.stringify(run.state)) as InstanceState;
  expect(restoreSnapshot(run.compiled, stored, run.record).value).toEqual(run.state.value);
  const active = new Set(activeStates(run.state.value));
  for (const round of Object.values(run.state.context.approvals)) {
    if (round.slots.some((slot) => slot.status === 'pending')) expect(active.has(round.node), `${round.node} has pending slots`).toBe(true);
  }
}

/**
 * The model check of a countersign: when an approval or a timer of the node makes the instance
 * leave it (the only way such an event leaves), every slot that still had a vote before the
 * event approved; none was closed by leaving.
 */
function checkCountersign(run: Run, before: InstanceState, event: WorkflowEvent, after: InstanceState): void {
  const wasActive = new Set(activeStates(before.value));
  const isActive = new Set(activeStates(after.value));
  for (const node of run.shape.countersigns) {
    if (!wasActive.has(node) || isActive.has(node)) continue;
    const ownEvent = (event.type === 'approve' && (event as { slot: string }).slot.startsWith(`${node}.`)) || (event.type === 'ordo.timer' && (event as { node: string }).node === node);
    if (!ownEvent) continue;
    const slotsBefore = before.context.approvals[node]?.slots ?? [];
    const existed = new Set(slotsBefore.map((slot) => slot.id));
    const voting = new Set(slotsBefore.filter((slot) => slot.status !== 'transferred' && slot.status !== 'cancelled').map((slot) => slot.id));
    for (const slot of after.context.approvals[node]?.slots ?? []) {
      if (voting.has(slot.id) || !existed.has(slot.id)) expect(['approved', 'transferred'], `${node}: ${slot.id} left ${slot.status}`).toContain(slot.status);
    }
  }
}

function play(compiled: CompiledWorkflow, shape: Shape, initial: Record<string, unknown>, initiator: string, steps: readonly Intent[]): void {
  let started: StepResult;
  const run = { compiled, shape, record: initial } as Run;
  try {
    started = command(run, () => startWorkflow(compiled, { initiator, record: initial }));
  } catch (error) {
    requireDocumented(error);
    return;
  }
  run.state = started.state;
  run.record = { ...started.record };
  checkInstance(run);
  for (const step of steps) {
    const event = eventFor(run, step);
    if (event === undefined) {
      const field = at(Object.keys(run.record), step.pick);
      if (field !== undefined) run.record = { ...run.record, [field]: step.value };
      continue;
    }
    const before = run.state;
    const frozen = JSON.stringify(before);
    try {
      const result = command(run, () => stepWorkflow(compiled, before, run.record, event));
      run.state = result.state;
      run.record = { ...result.record };
    } catch (error) {
      requireDocumented(error);
      expect(JSON.stringify(run.state)).toBe(frozen);
    }
    checkInstance(run);
    if (run.state !== before) checkCountersign(run, before, event, run.state);
  }
}

describe('every shipped workflow, driven at random', () => {
  it('covers every shipped workflow', () => {
    expect(workflows.map((workflow) => workflow.id).sort()).toEqual(['engineering-change', 'ncr', 'production-order', 'purchase-requisition', 'sales-order-lifecycle']);
  });

  for (const definition of workflows) {
    it(`${definition.id}: applies or refuses with a documented code, and stays in a state the definition has`, () => {
      const compiled = compileWorkflow(definition, { forms: formsById, roles: new Set(ROLES) });
      const shape = shapeOf(definition);
      const form = formsById.get(definition.form) as FormDefinition;
      fc.assert(
        fc.property(recordOf(form), fc.constantFrom(...PEOPLE), fc.array(intent, { minLength: 5, maxLength: 30 }), (record, initiator, steps) => {
          play(compiled, shape, record, initiator, steps);
        }),
        { numRuns: 400 },
      );
    });
  }
});
