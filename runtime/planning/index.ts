export { liveRecords, loadPlanningRecords, OPEN_PRODUCTION_ORDER, type PlanningRecord, type PlanningRecords } from './planning-records.js';
export { OPEN_SALES_ORDER, scenarioFromRecords, type PlanningLabels, type ScenarioOptions } from './scenario-from-records.js';
export {
  DEFAULT_HORIZON_DAYS,
  DEFAULT_PLANNING_CALENDAR,
  PLANNING_TIME_ZONE,
  loadPlanningScenario,
  planningDay,
  roundMs,
  type LoadedScenario,
  type PlanningScenarioOptions,
} from './load-planning-scenario.js';
export { PLANNING_SCHEMAS, schemaProblems } from './planning-schemas.js';
export { createFunctionRunner, withoutBlanks, type FunctionRun, type FunctionRunner, type FunctionRunnerOptions } from './function-runner.js';
export { PLAN_FUNCTION, mayCallFunction } from './function-access.js';
export { firmedRecordData, firmPlannedOrders } from './firm-planned-orders.js';
export { createPlanningService, type PlanningServiceDependencies } from './planning-service.js';
export type { FirmedOrder, FunctionInfo, PlanRunDetail, PlanRunSummary, PlanningService } from './types.js';
