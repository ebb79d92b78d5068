export { applyMrpChanges, type MrpChange } from './mrp-changes.js';
export { mrpPlanFunction } from './mrp-function.js';
export type { ItemFragment as MrpItemPlan } from './item-fragment.js';
export { type CompactMrpPlan, createMrpPlanner, itemPlan, type MrpPlanner, type MrpPlannerOptions, planMrp, planMrpCompact, toMrpPlan } from './mrp-planner.js';
export { type MrpPlanHeadline, planHeadline } from './plan-headline.js';
export { scenarioChanges } from './scenario-changes.js';
export { validateMrpScenario } from './scenario-validation.js';
export { createSnapshotPlanner, type SnapshotPlanner } from './snapshot-planner.js';
