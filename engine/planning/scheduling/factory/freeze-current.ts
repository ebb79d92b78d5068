import type { PlannedOperation, ScheduleRequest } from '../../generated/planning-types.js';

/**
 * A copy of the request in which the given operations of the committed schedule are fixed where they
 * are (machine, start and end as committed unless `end` says otherwise). The given placement wins over a
 * fixed one the request already had: an event may end a started operation at another time, or leave its
 * end to the calendar when a breakdown pauses it. The request is not changed.
 */
export function withFixed(request: ScheduleRequest, fixed: ReadonlyArray<{ placed: PlannedOperation; end?: string | null }>): ScheduleRequest {
  const copy = structuredClone(request);
  const byKey = new Map(fixed.map((entry) => [`${entry.placed.order}\u0000${entry.placed.operation}`, entry]));
  for (const order of copy.orders) {
    for (const operation of order.operations) {
      const entry = byKey.get(`${order.id}\u0000${operation.id}`);
      if (entry === undefined) continue;
      const end = entry.end === undefined ? entry.placed.end : entry.end;
      operation.fixed = {
        ...(entry.placed.machine === undefined ? {} : { machine: entry.placed.machine }),
        start: entry.placed.start,
        ...(end === null ? {} : { end }),
      };
    }
  }
  return copy;
}

/** The end of the frozen window, as an instant: now (or the origin) plus the request's frozen hours. */
export function frozenUntil(request: ScheduleRequest): number {
  return Date.parse(request.now ?? request.origin) + (request.frozenHours ?? 0) * 3_600_000;
}
