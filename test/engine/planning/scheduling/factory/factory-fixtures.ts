import fc from 'fast-check';
import type { ProductionOrder, ScheduleRequest } from '../../../../../engine/planning/generated/planning-types.js';

/** Monday 2026-03-02 06:00 UTC. */
export const ORIGIN = '2026-03-02T06:00:00.000Z';

export const at = (hours: number) => new Date(Date.parse(ORIGIN) + hours * 3_600_000).toISOString();

/** Two shifts on weekdays, a holiday on Wednesday, three work centers, sub-assemblies and an outsourced step. */
export function smallFactory(): ScheduleRequest {
  return {
    origin: ORIGIN,
    calendars: [
      {
        id: 'two-shift',
        shifts: [
          { days: [1, 2, 3, 4, 5], from: '06:00', to: '14:00' },
          { days: [1, 2, 3, 4, 5], from: '14:30', to: '22:00' },
        ],
        holidays: ['2026-03-04'],
      },
      { id: 'day', shifts: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '16:00' }] },
    ],
    workCenters: [
      { id: 'saw', calendar: 'two-shift', count: 2 },
      {
        id: 'mill',
        calendar: 'two-shift',
        machines: [{ id: 'mill-old' }, { id: 'mill-new', speed: 2, maintenance: [{ from: at(2), to: at(6) }] }],
        setups: [
          { from: 'steel', to: 'alu', minutes: 90 },
          { from: 'alu', to: 'steel', minutes: 30 },
          { from: 'steel', to: 'steel', minutes: 0 },
          { from: 'alu', to: 'alu', minutes: 0 },
        ],
      },
      { id: 'assembly', calendar: 'day', count: 1 },
    ],
    orders: [
      {
        id: 'frame',
        family: 'steel',
        qty: 10,
        due: at(30),
        weight: 2,
        operations: [
          { id: 'cut', workCenter: 'saw', setupMinutes: 20, runMinutesPerUnit: 6 },
          { id: 'mill', workCenter: 'mill', setupMinutes: 45, runMinutesPerUnit: 12 },
          { id: 'weld', workCenter: 'assembly', setupMinutes: 10, runMinutesPerUnit: 15 },
        ],
      },
      {
        id: 'bracket',
        family: 'alu',
        parent: 'frame',
        parentOperation: 'weld',
        qty: 40,
        release: at(3),
        operations: [
          { id: 'cut', workCenter: 'saw', setupMinutes: 15, runMinutesPerUnit: 2 },
          { id: 'anodise', outsourcedLeadHours: 24 },
          { id: 'mill', workCenter: 'mill', machines: ['mill-new'], setupMinutes: 30, runMinutesPerUnit: 3 },
        ],
      },
      {
        id: 'plate',
        family: 'steel',
        qty: 25,
        due: at(20),
        operations: [
          { id: 'cut', workCenter: 'saw', setupMinutes: 10, runMinutesPerUnit: 4 },
          { id: 'mill', workCenter: 'mill', setupMinutes: 20, runMinutesPerUnit: 8 },
        ],
      },
    ],
    limits: { seed: 3, maxIterations: 300 },
  };
}

const workCenterIds = ['a', 'b', 'c'];

/** A random order over the three work centers of `randomFactory`, with up to four operations. */
export const orderArbitrary = (id: string): fc.Arbitrary<ProductionOrder> =>
  fc
    .record({
      family: fc.constantFrom('x', 'y'),
      qty: fc.integer({ min: 1, max: 20 }),
      due: fc.integer({ min: 4, max: 120 }),
      release: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
      weight: fc.integer({ min: 0, max: 5 }),
      operations: fc.array(
        fc.record({ workCenter: fc.constantFrom(...workCenterIds, 'out'), setup: fc.integer({ min: 0, max: 60 }), run: fc.integer({ min: 0, max: 20 }) }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map((order) => ({
      id,
      family: order.family,
      qty: order.qty,
      due: at(order.due),
      weight: order.weight,
      ...(order.release === undefined ? {} : { release: at(order.release) }),
      operations: order.operations.map((operation, k) =>
        operation.workCenter === 'out'
          ? { id: `op${k}`, outsourcedLeadHours: operation.run / 4 }
          : { id: `op${k}`, workCenter: operation.workCenter, setupMinutes: operation.setup, runMinutesPerUnit: operation.run },
      ) as ProductionOrder['operations'],
    }));

/** Small random factories: three work centers on shift calendars with breaks, setups by family, a few sub-assembly links. */
export const factoryArbitrary: fc.Arbitrary<ScheduleRequest> = fc
  .record({
    orderCount: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    parents: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    maintenanceAt: fc.integer({ min: 0, max: 48 }),
  })
  .chain(({ orderCount, seed, parents, maintenanceAt }) =>
    fc.tuple(...Array.from({ length: orderCount }, (_, o) => orderArbitrary(`o${o}`))).map((orders) => ({
      origin: ORIGIN,
      calendars: [
        {
          id: 'shifts',
          shifts: [
            { days: [1, 2, 3, 4, 5], from: '06:00', to: '10:00' },
            { days: [1, 2, 3, 4, 5], from: '10:30', to: '14:00' },
          ],
        },
        { id: 'nights', shifts: [{ days: [1, 2, 3, 4, 6], from: '22:00', to: '04:00' }], holidays: ['2026-03-03'] },
      ],
      workCenters: [
        {
          id: 'a',
          calendar: 'shifts',
          count: 2,
          setups: [
            { from: 'x', to: 'y', minutes: 25 },
            { from: 'y', to: 'x', minutes: 5 },
          ],
        },
        {
          id: 'b',
          calendar: 'nights',
          machines: [{ id: 'b-slow' }, { id: 'b-fast', speed: 1.5, maintenance: [{ from: at(maintenanceAt), to: at(maintenanceAt + 5) }] }],
        },
        { id: 'c', calendar: 'shifts', machines: [{ id: 'c-1', calendar: 'nights' }] },
      ],
      // A parent link only to a later order, so the links stay acyclic.
      orders: orders.map((order, o) => (parents[o] && o + 1 < orders.length ? { ...order, parent: `o${o + 1}` } : order)),
      limits: { seed, maxIterations: 60 },
    })),
  );
