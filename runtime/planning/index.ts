export { loadPlanningRecords, type PlanningRecord, type PlanningRecords } from './planning-records.js';
export { OPEN_SALES_ORDER, effectiveVersion, scenarioFromRecords, type PlanningLabels, type ScenarioOptions } from './scenario-from-records.js';
export {
  DEFAULT_HORIZON_DAYS,
  DEFAULT_PLANNING_CALENDAR,
  PLANNING_TIME_ZONE,
  loadPlanningScenario,
  planningDay,
  type LoadedScenario,
  type PlanningScenarioOptions,
} from './load-planning-scenario.js';
export { PLANNING_SCHEMAS, schemaProblems } from './planning-schemas.js';
