import type { ScheduleRequest, ScheduleResult } from '../../engine/planning/index.js';

/** The schedule of a factory with nothing to make: the engine refuses an empty shop, the runtime answers it. */
export function emptySchedule(request: ScheduleRequest): ScheduleResult {
  const start = request.now ?? request.origin;
  return {
    operations: [],
    orders: [],
    kpis: {
      weightedTardiness: 0,
      makespan: new Date(Date.parse(start)).toISOString(),
      makespanMinutes: Math.max(0, Math.round((Date.parse(start) - Date.parse(request.origin)) / 60_000)),
      ordersLate: [],
      utilisation: request.workCenters.map((center) => ({ workCenter: center.id, busyMinutes: 0, availableMinutes: 0, utilisation: 0 })),
    },
  };
}
