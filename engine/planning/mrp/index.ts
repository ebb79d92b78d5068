export { applyMrpChanges, type MrpChange } from './mrp-changes.js';
export { mrpPlanFunction } from './mrp-function.js';
export { createMrpPlanner, type MrpPlanner, planMrp } from './mrp-planner.js';
export { validateMrpScenario } from './scenario-validation.js';
