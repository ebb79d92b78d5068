export { checkDashboard } from './check-dashboard.js';
export { planReport } from './plan-report.js';
export {
  ConditionNode,
  ReportPlan,
  type Aggregate,
  type ColumnFieldNode,
  type ConditionOp,
  type DurationFieldNode,
  type FieldNode,
  type GroupNode,
  type JoinNode,
  type JsonFieldNode,
  type MeasureNode,
  type OperandNode,
  type PlanLabelFieldNode,
  type SortNode,
  type SourceNode,
  type ValueType,
} from './report-nodes.js';
export { compileParameters, type ParametersSchema, type ParametersValidator } from './report-parameters.js';
export { reportIndexes, type ReportIndex } from './report-indexes.js';
export { PLAN_RUN_FIELDS } from './plan-run-fields.js';
export { WORKFLOW_FIELDS } from './workflow-fields.js';
