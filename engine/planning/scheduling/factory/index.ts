export { checkFactorySchedule, type FactoryViolation } from './check-factory-schedule.js';
export { compileFactory } from './compile-factory.js';
export { decodeSchedule, sequencesByStart, type FactorySequences, type FactoryTimes } from './decode-schedule.js';
export type { FactoryModel } from './factory-model.js';
export { MachineCalendar } from './machine-calendar.js';
export { DEFAULT_FACTORY_ITERATIONS, planFactory } from './plan-factory.js';
export { scheduleInsert, schedulePlan } from './schedule-functions.js';
export * from './schedule-schemas.js';
export { insertOrder } from './insert-order.js';
