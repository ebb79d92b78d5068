import { describe, expect, it } from 'vitest';
import { kpiPairs, orderDeltaRows, overallUtilisation, utilisationRows } from '../../designer/src/scheduling/comparison-rows.js';
import { newChange, toWhatIfChange } from '../../designer/src/scheduling/whatif-draft.js';
import { committedRun, LABELS, machineDownRun, NOW } from './scheduling-fixture.js';

describe('the what-if comparison', () => {
  const run = machineDownRun();
  const whatif = run.whatif!;

  it('pairs the KPIs with a verdict: a machine down makes tardiness, makespan and late orders worse', () => {
    const pairs = kpiPairs(whatif.base.kpis, run.result.kpis);
    expect(pairs.map((pair) => pair.key)).toEqual(['weightedTardiness', 'makespan', 'ordersLate', 'utilisation']);
    const byKey = Object.fromEntries(pairs.map((pair) => [pair.key, pair]));
    expect(byKey.weightedTardiness).toMatchObject({ base: whatif.base.kpis.weightedTardiness, scenario: run.result.kpis.weightedTardiness, tone: 'worse' });
    expect(byKey.weightedTardiness!.delta).toBeGreaterThan(0);
    expect(byKey.makespan!.delta).toBe(Math.round((Date.parse(run.result.kpis.makespan) - Date.parse(whatif.base.kpis.makespan)) / 60_000));
    expect(byKey.makespan!.tone).toBe('worse');
    expect(byKey.ordersLate!.tone).toBe(byKey.ordersLate!.delta > 0 ? 'worse' : 'same');
    expect(byKey.utilisation!.tone).toBe('neutral');
  });

  it('the same schedule on both sides changes nothing', () => {
    const { kpis } = committedRun().result;
    expect(kpiPairs(kpis, kpis).map((pair) => [pair.delta, pair.tone])).toEqual([
      [0, 'same'],
      [0, 'same'],
      [0, 'same'],
      [0, 'neutral'],
    ]);
  });

  it('weighs utilisation by available minutes', () => {
    const kpis = { ...committedRun().result.kpis, utilisation: [{ workCenter: 'a', busyMinutes: 90, availableMinutes: 100, utilisation: 0.9 }, { workCenter: 'b', busyMinutes: 10, availableMinutes: 900, utilisation: 0.0111 }] };
    expect(overallUtilisation(kpis)).toBeCloseTo(0.1);
    expect(overallUtilisation({ ...kpis, utilisation: [] })).toBe(0);
  });

  it('names work centers by code for the paired bars', () => {
    expect(utilisationRows(whatif.comparison, LABELS).map((row) => [row.label, row.base, row.scenario])).toEqual(
      [...whatif.comparison.utilisation].map((entry) => [LABELS.workCenters[entry.workCenter]!.code, entry.base, entry.scenario]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('lists orders new to the scenario first, then the biggest moves, then the unmoved', () => {
    const comparison = {
      ...whatif.comparison,
      orders: [
        { order: 'mo-3', baseFinish: NOW, scenarioFinish: NOW, deltaMinutes: 0 },
        { order: 'mo-2', baseFinish: NOW, scenarioFinish: NOW, deltaMinutes: -60 },
        { order: 'mo-1', baseFinish: NOW, scenarioFinish: NOW, deltaMinutes: 600 },
        { order: 'mo-9', scenarioFinish: NOW },
      ],
    };
    const rows = orderDeltaRows(comparison, LABELS);
    expect(rows.map((row) => [row.moNo, row.only, row.tone])).toEqual([
      ['mo-9', 'scenario', 'neutral'],
      ['MO-1', undefined, 'worse'],
      ['MO-2', undefined, 'better'],
      ['MO-3', undefined, 'same'],
    ]);
    expect(rows[1]).toMatchObject({ itemName: 'Pump KBZ', due: '2026-03-02' });
  });
});

describe('the what-if builder', () => {
  const now = Date.parse(NOW);

  it('starts a machine-down change on the first machine, tomorrow 08:00 Shanghai time, for two days', () => {
    const change = newChange('machine-down', 1, LABELS, now);
    expect(change).toEqual({ id: 1, kind: 'machine-down', machine: 'wc-asm-1', from: '2026-03-03T08:00', days: 2 });
    expect(toWhatIfChange(change)).toEqual({ kind: 'machine-down', machine: 'wc-asm-1', from: '2026-03-03T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' });
  });

  it('turns each kind into the API change, and an incomplete one into nothing', () => {
    expect(toWhatIfChange({ id: 1, kind: 'rush-order', recordId: '' })).toBeNull();
    expect(toWhatIfChange({ id: 1, kind: 'rush-order', recordId: 'r-7' })).toEqual({ kind: 'rush-order', recordId: 'r-7' });
    expect(toWhatIfChange({ id: 1, kind: 'overtime', workCenter: 'wc-asm', from: '2026-03-03T17:00', to: '2026-03-03T21:00' })).toEqual({
      kind: 'overtime',
      workCenter: 'wc-asm',
      from: '2026-03-03T09:00:00.000Z',
      to: '2026-03-03T13:00:00.000Z',
    });
    expect(toWhatIfChange({ id: 1, kind: 'overtime', workCenter: 'wc-asm', from: '2026-03-03T21:00', to: '2026-03-03T17:00' })).toBeNull();
    expect(toWhatIfChange({ id: 1, kind: 'material-late', order: 'mo-2', release: '2026-03-05T08:00' })).toEqual({ kind: 'material-late', order: 'mo-2', release: '2026-03-05T00:00:00.000Z' });
    expect(toWhatIfChange({ id: 1, kind: 'machine-down', machine: 'wc-asm-1', from: '', days: 2 })).toBeNull();
    expect(toWhatIfChange({ ...newChange('machine-down', 1, LABELS, now), days: 0 } as never)).toBeNull();
  });
});
