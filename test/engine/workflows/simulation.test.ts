import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../engine/definitions/index.js';
import { compileLiveForm } from '../../../engine/forms/model/index.js';
import { compileWorkflow, type CompiledWorkflow } from '../../../engine/workflows/index.js';
import {
  advanceSimulation,
  applySimulation,
  editSimulationRecord,
  nextTimer,
  simulationChoices,
  simulationStates,
  startSimulation,
  type EventChoice,
  type Simulation,
  type SimulationAction,
  type SimulationSetup,
  type TaskSlotChoice,
} from '../../../engine/workflows/simulation/index.js';
import { stateEntries } from '../../../engine/workflows/state-tree.js';
import { loadDefinitions } from '../../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../../runtime/cli/paths.js';

const loaded = await loadDefinitions(shippedDefinitionsDir);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const { app, forms, workflows } = loaded.definitions;
const formsById = new Map<string, FormDefinition>(forms.map((form) => [form.id, form]));
const workflowsById = new Map(workflows.map((workflow) => [workflow.id, workflow]));

function setupOf(id: string, extra: Partial<SimulationSetup> = {}): SimulationSetup {
  const definition = workflowsById.get(id);
  if (definition === undefined) throw new Error(`no workflow ${id}`);
  const compiled: CompiledWorkflow = compileWorkflow(definition, { forms: formsById, workflows: workflowsById });
  const form = formsById.get(definition.form);
  return { compiled, ...(form === undefined ? {} : { form: compileLiveForm(form) }), initiator: 'inspector-li', ...extra };
}

/** Tuesday 10:00 in Shanghai. */
const TUESDAY_10 = '2026-11-24T02:00:00.000Z';
const NCR = { ncrNo: 'NCR-2026-0001', reportDate: '2026-11-24', source: 'incoming', item: 'P-100', itemName: 'Impeller', supplier: 'S-01', lot: 'L7', qtyAffected: 20, description: 'Cracked casting', severity: 'critical' };

const event = (sim: Simulation, setup: SimulationSetup, name: string) => simulationChoices(setup, sim).find((choice): choice is EventChoice => choice.kind === 'event' && choice.event === name);
const slots = (sim: Simulation, setup: SimulationSetup) => simulationChoices(setup, sim).filter((choice): choice is TaskSlotChoice => choice.kind === 'task');
const approveAll = (setup: SimulationSetup, sim: Simulation) =>
  slots(sim, setup).filter((slot) => slot.open).reduce((current, slot) => applySimulation(setup, current, { kind: 'decision', slot: slot.slot, decision: 'approve' }), sim);

describe('simulating the NCR workflow', () => {
  const setup = setupOf('ncr');

  it('shows the critical guard passing and takes that transition on submit, with its notice', () => {
    const sim = startSimulation(setup, { record: NCR, at: TUESDAY_10 });
    expect(simulationStates(setup, sim)).toEqual(['open']);
    expect(sim.record['status']).toBe('open');
    const submit = event(sim, setup, 'submit');
    expect(submit?.accepted).toBe(true);
    expect(submit?.roles).toEqual(['inspector', 'quality-engineer']);
    expect(submit?.candidates.map(({ guard, guardResult, passes, taken }) => ({ guard, guardResult, passes, taken }))).toEqual([
      { guard: 'severity = "critical"', guardResult: { ok: true, value: true }, passes: true, taken: true },
      { guard: undefined, guardResult: undefined, passes: true, taken: false },
    ]);
    const submitted = applySimulation(setup, sim, { kind: 'event', event: 'submit' });
    expect(simulationStates(setup, submitted)).toEqual(['containment']);
    const step = submitted.trail.at(-1);
    expect(step?.entered).toEqual(['containment']);
    expect(step?.changes).toEqual([{ field: 'status', before: 'open', after: 'containment' }]);
    expect(step?.effects.filter((effect) => effect.kind === 'notify').map((effect) => effect.kind === 'notify' && effect.users)).toEqual([['role:production-manager', 'role:quality-engineer']]);
    expect(step?.effects.find((effect) => effect.kind === 'task-opened')).toMatchObject({ node: 'containment', users: ['role:quality-engineer'], dueAt: '2026-11-25T02:00:00.000Z' });
  });

  it('a minor NCR fails the guard and takes the plain submit', () => {
    const sim = startSimulation(setup, { record: { ...NCR, severity: 'minor' }, at: TUESDAY_10 });
    const submit = event(sim, setup, 'submit');
    expect(submit?.candidates.map((candidate) => [candidate.guardResult, candidate.taken])).toEqual([
      [{ ok: true, value: false }, false],
      [undefined, true],
    ]);
    const step = applySimulation(setup, sim, { kind: 'event', event: 'submit' }).trail.at(-1);
    expect(step?.effects.some((effect) => effect.kind === 'notify')).toBe(false);
  });

  it('advancing the clock sends the reminder at 20 h and the escalation at 24 h, and a decided task drops its timers', () => {
    const submitted = applySimulation(setup, startSimulation(setup, { record: NCR, at: TUESDAY_10 }), { kind: 'event', event: 'submit' });
    expect(submitted.timers.map(({ kind, dueAt }) => [kind, dueAt])).toEqual([
      ['task-due', '2026-11-25T02:00:00.000Z'],
      ['task-remind', '2026-11-24T22:00:00.000Z'],
    ]);
    expect(nextTimer(submitted)?.kind).toBe('task-remind');
    const reminded = advanceSimulation(setup, submitted);
    expect(reminded.now).toBe('2026-11-24T22:00:00.000Z');
    expect(reminded.trail.at(-1)?.effects).toEqual([{ kind: 'notify', notification: 'remind', users: ['role:quality-engineer'], message: expect.anything() }]);
    const escalated = advanceSimulation(setup, reminded);
    expect(escalated.now).toBe('2026-11-25T02:00:00.000Z');
    expect(escalated.trail.at(-1)?.effects).toEqual([{ kind: 'notify', notification: 'escalation', users: ['role:production-manager'], message: expect.anything() }]);
    expect(simulationStates(setup, escalated)).toEqual(['containment']);
    expect(advanceSimulation(setup, escalated)).toBe(escalated);

    const decided = approveAll(setup, submitted);
    expect(simulationStates(setup, decided)).toEqual(['root-cause']);
    // Root cause is due in three business days: Tuesday 10:00 to Friday 10:00; the containment timers are gone.
    expect(decided.timers.map(({ node, dueAt }) => [node, dueAt])).toEqual([['root-cause', '2026-11-27T02:00:00.000Z']]);
  });

  it('walks the material review countersign slot by slot, with a supplier cause raising an SCAR on the way', () => {
    let sim = applySimulation(setup, startSimulation(setup, { record: NCR, at: TUESDAY_10 }), { kind: 'event', event: 'submit' });
    sim = approveAll(setup, sim);
    sim = editSimulationRecord(setup, sim, { causeCategory: 'supplier', rootCause: 'Sand inclusion' });
    expect(sim.trail.at(-1)?.changes.map((change) => change.field).sort()).toEqual(['causeCategory', 'rootCause']);
    sim = approveAll(setup, sim);
    const routed = sim.trail.at(-1);
    expect(routed?.entered).toEqual(['disposition', 'disposition-proposal']);
    expect(routed?.effects.find((effect) => effect.kind === 'create-record')).toEqual({
      kind: 'create-record',
      form: 'supplier-car',
      data: { ncrNo: 'NCR-2026-0001', supplier: 'S-01', problem: 'Impeller L7: Cracked casting', dueDate: '2026-12-08' },
    });
    expect(simulationStates(setup, sim)).toEqual(['disposition.disposition-proposal']);
    sim = approveAll(setup, sim);
    expect(simulationStates(setup, sim)).toEqual(['disposition.material-review']);
    const board = slots(sim, setup);
    expect(board.map((slot) => [slot.user, slot.mode, slot.open])).toEqual([
      ['role:quality-engineer', 'all', true],
      ['role:production-manager', 'all', true],
      ['role:engineer', 'all', true],
    ]);
    sim = applySimulation(setup, sim, { kind: 'decision', slot: board[0]?.slot ?? '', decision: 'approve' });
    sim = applySimulation(setup, sim, { kind: 'decision', slot: board[1]?.slot ?? '', decision: 'approve' });
    expect(simulationStates(setup, sim)).toEqual(['disposition.material-review']);
    expect(slots(sim, setup).map((slot) => slot.slots.map((entry) => entry.status))).toEqual([['approved', 'approved', 'pending']]);
    const rejected = applySimulation(setup, sim, { kind: 'decision', slot: board[2]?.slot ?? '', decision: 'reject', comment: 'needs rework' });
    expect(simulationStates(setup, rejected)).toEqual(['disposition.disposition-proposal']);
    sim = applySimulation(setup, sim, { kind: 'decision', slot: board[2]?.slot ?? '', decision: 'approve' });
    expect(simulationStates(setup, sim)).toEqual(['verification']);
    sim = approveAll(setup, editSimulationRecord(setup, sim, { verificationResult: 'effective' }));
    expect(sim.state.status).toBe('done');
    expect(simulationStates(setup, sim)).toEqual(['closed']);
    expect(sim.record['status']).toBe('closed');
    expect(simulationChoices(setup, sim)).toEqual([]);
  });

  it('the material review countersign adds the head of the responsible department (production\'s for the assembly shop)', () => {
    const withHeads = setupOf('ncr', { departments: app?.departments ?? [] });
    let sim = applySimulation(withHeads, startSimulation(withHeads, { record: { ...NCR, responsibleDepartment: 'workshop' }, at: TUESDAY_10 }), { kind: 'event', event: 'submit' });
    for (let step = 0; step < 3; step += 1) sim = approveAll(withHeads, sim);
    expect(simulationStates(withHeads, sim)).toEqual(['disposition.material-review']);
    expect(slots(sim, withHeads).map((slot) => slot.user)).toEqual(['role:quality-engineer', 'role:production-manager', 'role:engineer', 'zheng.hao']);
  });

  it('with sample people, a role of two gives two slots and a user the role lacks is refused', () => {
    const people = setupOf('ncr', {
      directory: [
        { username: 'qe-wang', roles: ['quality-engineer'] },
        { username: 'qe-zhao', roles: ['quality-engineer'] },
        { username: 'pm-chen', roles: ['production-manager'] },
      ],
    });
    const sim = applySimulation(people, startSimulation(people, { record: NCR, at: TUESDAY_10 }), { kind: 'event', event: 'submit' });
    expect(slots(sim, people).map((slot) => slot.user)).toEqual(['qe-wang', 'qe-zhao']);
    expect(() => applySimulation(people, sim, { kind: 'decision', slot: 'containment.9.9', decision: 'approve' })).toThrow(/not waiting/);
  });
});

describe('simulating the sales order lifecycle', () => {
  const setup = setupOf('sales-order-lifecycle', { initiator: 'clerk-zhang' });
  const ORDER = { orderNo: 'SO-2026-0001', customer: 'C-1', salesRep: 'rep-liu', requestedDate: '2026-12-20', customerCreditLimit: 1_000_000, specialConfig: true, lines: [{ item: 'P-100', qty: 2, unitPrice: 1000, discountPct: 0 }, { item: 'P-200', qty: 1, unitPrice: 500, discountPct: 0 }] };

  it('recomputes the form, resolves a manager, waits for the feasibility call, and routes by the countersign and credit guards', () => {
    let sim = startSimulation(setup, { record: ORDER, at: '2026-11-27T08:00:00.000Z' });
    expect(sim.record['grandTotal']).toBe(2825);
    expect(event(sim, setup, 'submit')?.candidates[0]?.guardResult).toEqual({ ok: true, value: true });
    sim = applySimulation(setup, sim, { kind: 'event', event: 'submit' });
    // 24 business hours from Friday 16:00 in Shanghai: Monday 16:00.
    expect(slots(sim, setup)).toMatchObject([{ node: 'review', user: 'manager:rep-liu', dueAt: '2026-11-30T08:00:00.000Z' }]);
    sim = approveAll(setup, sim);
    expect(simulationStates(setup, sim)).toEqual(['feasibility']);
    const call = simulationChoices(setup, sim).find((choice) => choice.kind === 'invocation');
    expect(call).toMatchObject({ function: 'ctp.promise', input: { salesOrder: 'SO-2026-0001', lines: [{ item: 'P-100', qty: 2 }, { item: 'P-200', qty: 1 }] } });
    sim = applySimulation(setup, sim, { kind: 'invocation', node: 'feasibility', outcome: 'done', output: { promisedDate: '2026-12-18', feasible: true, reason: '' } });
    expect(sim.record['promisedDate']).toBe('2026-12-18');
    expect(simulationStates(setup, sim)).toEqual(['approval.rep-confirmation']);
    sim = approveAll(setup, approveAll(setup, sim));
    expect(simulationStates(setup, sim)).toEqual(['approval.configuration-countersign']);
    sim = approveAll(setup, sim);
    expect(simulationStates(setup, sim)).toEqual(['released']);
    sim = applySimulation(setup, sim, { kind: 'event', event: 'start-production', roles: ['planner'] });
    const children = simulationChoices(setup, sim).filter((choice) => choice.kind === 'child');
    expect(children).toHaveLength(2);
    expect(sim.trail.at(-1)?.effects.find((effect) => effect.kind === 'spawn')).toMatchObject({ workflow: 'production-order', records: [{ item: 'P-100', qty: 2 }, { item: 'P-200', qty: 1 }] });
    sim = children.reduce((current, child) => (child.kind === 'child' ? applySimulation(setup, current, { kind: 'child-ended', node: child.node, child: child.child }) : current), sim);
    expect(simulationStates(setup, sim)).toEqual(['inspection']);
  });

  it('a role check refuses an event from a user without the role, as the runtime would', () => {
    const sim = startSimulation(setup, { record: ORDER, at: TUESDAY_10 });
    expect(() => applySimulation(setup, sim, { kind: 'event', event: 'submit', roles: ['planner'] })).toThrow(/not accepted/);
  });
});

describe('simulation, for any sequence of available choices', () => {
  const names = (id: string) => new Set(stateEntries(setupOf(id).compiled.definition).map((entry) => entry.name));

  it.each(['ncr', 'sales-order-lifecycle', 'engineering-change', 'purchase-requisition'])('%s never throws and always rests in states it defines', (id) => {
    const setup = setupOf(id);
    const defined = names(id);
    const form = setup.form;
    const start = form === undefined ? {} : form.initialData({ roles: ['admin'], locale: 'en' });
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), (picks) => {
        let sim = startSimulation(setup, { record: { ...start, salesRep: 'rep-liu', severity: 'critical', cancelReason: 'test' }, at: TUESDAY_10 });
        for (const pick of picks) {
          const actions: (SimulationAction | 'advance')[] = simulationChoices(setup, sim).flatMap((choice): (SimulationAction | 'advance')[] => {
            if (choice.kind === 'event') return choice.accepted ? [{ kind: 'event', event: choice.event }] : [];
            if (choice.kind === 'task') return choice.open ? [{ kind: 'decision', slot: choice.slot, decision: 'approve' }, { kind: 'decision', slot: choice.slot, decision: 'reject' }] : [];
            if (choice.kind === 'invocation') return [{ kind: 'invocation', node: choice.node, outcome: 'done', output: {} }, { kind: 'invocation', node: choice.node, outcome: 'error' }];
            return [{ kind: 'child-ended', node: choice.node, child: choice.child }];
          });
          if (sim.timers.length > 0) actions.push('advance');
          if (actions.length === 0) break;
          const action = actions[pick % actions.length] as SimulationAction | 'advance';
          sim = action === 'advance' ? advanceSimulation(setup, sim) : applySimulation(setup, sim, action);
          for (const path of simulationStates(setup, sim)) for (const name of path.split('.')) expect(defined.has(name)).toBe(true);
        }
        expect(simulationStates(setup, sim).length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
