import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioChange, ScheduleRequest } from '../../../../../engine/planning/generated/planning-types.js';
import {
  applyChanges,
  checkFactorySchedule,
  compileFactory,
  decodeSchedule,
  planFactory,
  sequencesByStart,
  whatIf,
} from '../../../../../engine/planning/scheduling/index.js';
import { at, factoryArbitrary, orderArbitrary, smallFactory } from './factory-fixtures.js';

const changeArbitrary: fc.Arbitrary<ScenarioChange> = fc.oneof(
  orderArbitrary('rush').map((order): ScenarioChange => ({ kind: 'rush-order', order })),
  fc
    .record({ machine: fc.constantFrom('a-1', 'a-2', 'b-fast', 'c-1'), from: fc.integer({ min: 0, max: 48 }), hours: fc.integer({ min: 1, max: 48 }) })
    .map(({ machine, from, hours }): ScenarioChange => ({ kind: 'machine-down', machine, from: at(from), to: at(from + hours) })),
  fc
    .record({ workCenter: fc.constantFrom('a', 'b', 'c'), from: fc.integer({ min: 0, max: 48 }) })
    .map(({ workCenter, from }): ScenarioChange => ({ kind: 'overtime', workCenter, from: at(from), to: at(from + 4) })),
  fc.integer({ min: 0, max: 72 }).map((hours): ScenarioChange => ({ kind: 'material-late', order: 'o0', release: at(hours) })),
);

/** Minutes of a schedule's operations, in the model's operation order. */
function timesOf(request: ScheduleRequest) {
  const model = compileFactory(request);
  const result = planFactory(request);
  const index = new Map(result.operations.map((op) => [`${op.order}/${op.operation}`, op]));
  const minute = (iso: string) => (Date.parse(iso) - Date.parse(request.origin)) / 60_000;
  const ops = model.operations.map((operation) => index.get(`${model.orders[operation.order]!.id}/${operation.id}`)!);
  const machine = ops.map((op) => (op.machine === undefined ? -1 : model.machineIndex.get(op.machine)!));
  return { machine, start: ops.map((op) => minute(op.start)), end: ops.map((op) => minute(op.end)) };
}

describe('schedule.whatif: a scenario beside the base schedule, nothing committed', () => {
  it('compares a machine down for two days with the base, side by side', () => {
    const request = smallFactory();
    const result = whatIf({ request, changes: [{ kind: 'machine-down', machine: 'mill-old', from: at(0), to: at(48) }] });
    expect(result.base).toEqual(planFactory(request));
    for (const op of result.scenario.operations.filter((op) => op.machine === 'mill-old'))
      expect(Date.parse(op.start)).toBeGreaterThanOrEqual(Date.parse(at(48)));
    expect(result.comparison.makespanMinutes).toEqual({ base: result.base.kpis.makespanMinutes, scenario: result.scenario.kpis.makespanMinutes });
    expect(result.comparison.weightedTardiness.scenario).toBe(result.scenario.kpis.weightedTardiness);
    const frame = result.comparison.orders.find((order) => order.order === 'frame')!;
    expect(frame.deltaMinutes).toBe((Date.parse(frame.scenarioFinish!) - Date.parse(frame.baseFinish!)) / 60_000);
    expect(result.comparison.utilisation.map((entry) => entry.workCenter)).toEqual(['saw', 'mill', 'assembly']);
  });

  it('a rush order shows only on the scenario side; late material holds its order back', () => {
    const request = smallFactory();
    const rush = { id: 'rush', qty: 2, weight: 5, due: at(4), operations: [{ id: 'cut', workCenter: 'saw', runMinutesPerUnit: 20 }] } as const;
    const result = whatIf({
      request,
      changes: [
        { kind: 'rush-order', order: structuredClone(rush) as never },
        { kind: 'material-late', order: 'plate', release: at(26) },
      ],
    });
    expect(result.comparison.orders.find((order) => order.order === 'rush')).toEqual({ order: 'rush', scenarioFinish: expect.any(String) });
    for (const op of result.scenario.operations.filter((op) => op.order === 'plate')) expect(Date.parse(op.start)).toBeGreaterThanOrEqual(Date.parse(at(26)));
  });

  it('unknown machines or orders in a change get a pointer to the change', () => {
    expect(() => whatIf({ request: smallFactory(), changes: [{ kind: 'machine-down', machine: 'laser', from: at(0), to: at(1) }] })).toThrow(
      expect.objectContaining({ code: 'ORDO_ERR_SCHEDULE_MODEL_INVALID', fields: [expect.objectContaining({ pointer: '/changes/0/machine' })] }),
    );
  });

  it('never changes the base request, and every scenario schedule is feasible', () => {
    fc.assert(
      fc.property(factoryArbitrary, changeArbitrary, (request, change) => {
        const input = { request, changes: [change] as [ScenarioChange] };
        const copy = structuredClone(input);
        const result = whatIf(input);
        expect(input).toEqual(copy);
        expect(checkFactorySchedule(applyChanges(request, [change]).request, result.scenario.operations)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('more capacity never delays an operation of the same sequences (the decoder is monotone in working time)', () => {
    // The search itself need not be monotone (Graham's anomalies); the decoder for fixed sequences is.
    fc.assert(
      fc.property(
        factoryArbitrary,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('a-1', 'b-slow', 'c-1'),
        (request, from, hours, machine) => {
          const base = timesOf(request);
          const wider = structuredClone(request);
          const center = wider.workCenters.find((wc) => wc.id === machine.split('-')[0])!;
          center.machines = (center.machines ?? [{ id: 'a-1' }, { id: 'a-2' }]).map((m) =>
            m.id === machine ? { ...m, extraWindows: [{ from: at(from), to: at(from + hours) }] } : m,
          ) as never;
          delete center.count;
          const model = compileFactory(wider);
          const sequences = sequencesByStart(model, base.machine, base.start, base.end);
          const more = decodeSchedule(model, { machine: base.machine, sequences })!;
          base.end.forEach((end, i) => expect(more.end[i]!).toBeLessThanOrEqual(end));
        },
      ),
      { numRuns: 40 },
    );
  });
});
