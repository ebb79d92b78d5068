import { describe, expect, it } from 'vitest';
import { OrdoError } from '../../../../../engine/errors/index.js';
import type { ScheduleRequest } from '../../../../../engine/planning/generated/planning-types.js';
import { insertOrder, planFactory, whatIf } from '../../../../../engine/planning/scheduling/index.js';
import { smallFactory } from './factory-fixtures.js';

function problems(request: ScheduleRequest): Array<{ pointer: string; code: string; message: string }> {
  try {
    planFactory(request);
  } catch (error) {
    expect(error).toBeInstanceOf(OrdoError);
    expect((error as OrdoError).code).toBe('ORDO_ERR_SCHEDULE_MODEL_INVALID');
    return [...(error as OrdoError).fields];
  }
  throw new Error('expected ORDO_ERR_SCHEDULE_MODEL_INVALID');
}

describe('factory requests the scheduler refuses, with a pointer into the request', () => {
  it('cyclic parent links across orders name the cycle', () => {
    const request = smallFactory();
    request.orders[0]!.parent = 'plate';
    request.orders[2]!.parent = 'bracket';
    const found = problems(request);
    expect(found).toEqual([expect.objectContaining({ code: 'cycle', pointer: '/orders/0/parent' })]);
    expect(found[0]!.message).toContain('frame -> plate -> bracket -> frame');
  });

  it('an operation no machine can do: unknown work center, machines restricted to none of it, neither work center nor lead time', () => {
    const request = smallFactory();
    request.orders[0]!.operations[0]!.workCenter = 'laser';
    request.orders[1]!.operations[2]!.machines = ['saw-1'];
    request.orders[2]!.operations[1] = { id: 'mill' };
    expect(problems(request).map((problem) => [problem.pointer, problem.code])).toEqual([
      ['/orders/0/operations/0/workCenter', 'no-machine'],
      ['/orders/1/operations/2/machines', 'no-machine'],
      ['/orders/2/operations/1', 'no-machine'],
    ]);
  });

  it('a work center with zero capacity: a calendar without windows, or no machines', () => {
    const request = smallFactory();
    request.calendars.push({ id: 'never', shifts: [] });
    request.workCenters[2]!.calendar = 'never';
    request.workCenters.push({ id: 'empty', calendar: 'day' });
    const found = problems(request);
    expect(found).toEqual([
      expect.objectContaining({ pointer: '/workCenters/2', code: 'capacity' }),
      expect.objectContaining({ pointer: '/workCenters/3', code: 'capacity' }),
    ]);
    expect(found[0]!.message).toContain('zero capacity');
  });

  it('unknown parents, calendars and fixed machines, and a fixed operation after an unfixed predecessor', () => {
    const request = smallFactory();
    request.orders[2]!.parent = 'nothing';
    request.orders[0]!.operations[1]!.fixed = { machine: 'saw-1', start: '2026-03-02T08:00:00Z' };
    expect(problems(request).map((problem) => problem.pointer)).toEqual(['/orders/0/operations/1/fixed/machine', '/orders/2/parent']);
    const later = smallFactory();
    later.orders[0]!.operations[1]!.fixed = { machine: 'mill-old', start: '2026-03-02T08:00:00Z' };
    expect(problems(later)).toEqual([expect.objectContaining({ pointer: '/orders/0/operations/1/fixed', code: 'frozen' })]);
    const noCalendar = smallFactory();
    noCalendar.workCenters[0]!.calendar = 'missing';
    expect(problems(noCalendar)).toEqual([expect.objectContaining({ pointer: '/workCenters/0/calendar' })]);
  });

  it('the functions that wrap the request point into their own input: /request, /order, /current', () => {
    const request = smallFactory();
    const current = planFactory(request).operations;
    const order = { id: 'rush', qty: 1, operations: [{ id: 'cut', workCenter: 'laser' }] } as const;
    const pointers = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return (error as OrdoError).fields.map((field) => field.pointer);
      }
      throw new Error('expected an error');
    };
    expect(pointers(() => insertOrder({ request, current, order: structuredClone(order) as never }))).toEqual(['/order/operations/0/workCenter']);
    expect(
      pointers(() => insertOrder({ request, current: current.slice(1), order: { ...structuredClone(order), operations: [{ id: 'cut', workCenter: 'saw' }] } })),
    ).toEqual(['/current']);
    const broken = structuredClone(request);
    broken.workCenters[0]!.calendar = 'missing';
    expect(pointers(() => whatIf({ request: broken, changes: [{ kind: 'material-late', order: 'plate', release: request.origin }] }))).toEqual([
      '/request/workCenters/0/calendar',
    ]);
  });
});
