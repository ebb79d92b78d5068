export { checkDashboard } from './check-dashboard.js';
export { labelSourceOf, type LabelSource } from './dimension-labels.js';
export { planReport } from './plan-report.js';
export { planFormula, type FormulaConditionNode, type FormulaNode, type FormulaProblem, type FormulaType } from './report-formula.js';
export { formulaFields, type ResolvedField } from './resolve-field.js';
export { REPORT_PROBLEM_CODES, type ReportProblemCode } from './report-problem.js';
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
