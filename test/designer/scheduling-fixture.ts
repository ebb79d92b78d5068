import type { ScheduleRequest } from '../../engine/planning/generated/planning-types.js';
import { planFactory, whatIf } from '../../engine/planning/scheduling/index.js';
import type { ScheduleLabels, ScheduleRunView } from '../../designer/src/api/scheduling-types.js';

/*
 * The typed stand-in for the schedule routes: the engine plans a small pump shop and the result is
 * wrapped as the routes answer (ScheduleRunView). Two machines turn, one assembles; three orders:
 * MO-1 (rush, due Monday evening: ten hours of turning make it late), MO-2 due Friday, MO-3 with its first operation started
 * (fixed). Operation ids are '<order>/<opNo>' and times Shanghai time, as the runtime builds them.
 */
export const NOW = '2026-03-02T08:00:00+08:00';

export function pumpShop(): ScheduleRequest {
  return {
    origin: '2026-03-02T00:00:00+08:00',
    now: NOW,
    utcOffsetMinutes: 480,
    calendars: [{ id: 'day', shifts: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' }] }],
    workCenters: [
      { id: 'wc-lathe', calendar: 'day', count: 2 },
      { id: 'wc-asm', calendar: 'day', count: 1 },
    ],
    orders: [
      {
        id: 'mo-1',
        qty: 10,
        due: '2026-03-02T17:00:00+08:00',
        weight: 10,
        operations: [
          { id: 'mo-1/10', workCenter: 'wc-lathe', setupMinutes: 30, runMinutesPerUnit: 60 },
          { id: 'mo-1/20', workCenter: 'wc-asm', setupMinutes: 15, runMinutesPerUnit: 30 },
        ],
      },
      {
        id: 'mo-2',
        qty: 5,
        due: '2026-03-06T17:00:00+08:00',
        operations: [
          { id: 'mo-2/10', workCenter: 'wc-lathe', setupMinutes: 20, runMinutesPerUnit: 45 },
          { id: 'mo-2/20', workCenter: 'wc-asm', setupMinutes: 10, runMinutesPerUnit: 40 },
        ],
      },
      {
        id: 'mo-3',
        qty: 4,
        due: '2026-03-05T17:00:00+08:00',
        operations: [
          { id: 'mo-3/10', workCenter: 'wc-lathe', runMinutesPerUnit: 60, fixed: { machine: 'wc-lathe-2', start: NOW } },
          { id: 'mo-3/20', workCenter: 'wc-asm', runMinutesPerUnit: 30 },
        ],
      },
    ],
    limits: { seed: 1, maxIterations: 200 },
  };
}

export const LABELS: ScheduleLabels = {
  orders: {
    'mo-1': { recordId: 'r-1', moNo: 'MO-1', item: 'P-1', itemName: 'Pump KBZ', qty: 10, due: '2026-03-02', priority: 'rush' },
    'mo-2': { recordId: 'r-2', moNo: 'MO-2', item: 'P-2', itemName: 'Pump ST', qty: 5, due: '2026-03-06', priority: 'normal' },
    'mo-3': { recordId: 'r-3', moNo: 'MO-3', item: 'P-3', itemName: 'Pump HE', qty: 4, due: '2026-03-05', priority: 'high' },
  },
  operations: {
    'mo-1/10': { opNo: 10, name: 'Turn' },
    'mo-1/20': { opNo: 20, name: 'Assemble' },
    'mo-2/10': { opNo: 10, name: 'Turn' },
    'mo-2/20': { opNo: 20, name: 'Assemble' },
    'mo-3/10': { opNo: 10, name: 'Turn' },
    'mo-3/20': { opNo: 20, name: 'Assemble' },
  },
  workCenters: {
    'wc-lathe': { code: 'WC-LATHE', name: 'CNC lathes', machines: ['wc-lathe-1', 'wc-lathe-2'] },
    'wc-asm': { code: 'WC-ASM', name: 'Assembly', machines: ['wc-asm-1'] },
  },
};

function view(id: string, kind: ScheduleRunView['kind'], status: ScheduleRunView['status'], result: ScheduleRunView['result']): ScheduleRunView {
  return { id, kind, status, createdAt: NOW, createdBy: 'zhao.min', loadMs: 3, solveMs: 12, result, labels: LABELS };
}

export function committedRun(): ScheduleRunView {
  return view('run-1', 'plan', 'committed', planFactory(pumpShop()));
}

/** The first lathe down for two days from Monday 08:00: the what-if the browser test runs. */
export function machineDownRun(): ScheduleRunView {
  const answer = whatIf({ request: pumpShop(), changes: [{ kind: 'machine-down', machine: 'wc-lathe-1', from: NOW, to: '2026-03-04T08:00:00+08:00' }] });
  return { ...view('run-2', 'whatif', 'draft', answer.scenario), baseRunId: 'run-1', whatif: { base: answer.base, comparison: answer.comparison } };
}
