export { checkSchedule, type ScheduleViolation } from './check/index.js';
export { gifflerThompson, priorities, type ConstructedSchedule, type PriorityRule } from './construct/index.js';
export { makespanLowerBound } from './lower-bound.js';
export * from './model/index.js';
export { parseFjs, parseInstance, parseJsplib, type InstanceFormat } from './parsers/index.js';
export { SeededRandom, ShopState, tabuSearch, type StopReason, type TabuSearchOptions, type TabuSearchOutcome } from './search/index.js';
export { DEFAULT_MAX_ITERATIONS, scheduleOf, solveSchedule, type SolveOptions, type SolveResult } from './solve-schedule.js';
export * from './factory/index.js';
