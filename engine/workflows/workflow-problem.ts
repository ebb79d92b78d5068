/**
 * The stable codes of a workflow definition's load-time problems. The designer words the graph
 * problems in the user's language by code and places every problem on the canvas by its pointer;
 * docs/workflows.md lists them (a test checks the list is complete).
 */
/** Problems that leave the chart's shape unknown: the graph checks wait until they are fixed. */
export const STRUCTURAL_PROBLEM_CODES = [
  'duplicateState',
  'unknownState',
  'unknownInitial',
  'missingInitial',
  'unexpectedInitial',
  'stateKinds',
  'finalWithContent',
  'parallelWithoutRegions',
] as const;

export const WORKFLOW_PROBLEM_CODES = [
  ...STRUCTURAL_PROBLEM_CODES,
  'onDoneWithoutChildren',
  'unreachableState',
  'deadEnd',
  'missingTarget',
  'invalidGuard',
  'guardOnOutcome',
  'invalidFormula',
  'unknownForm',
  'unknownField',
  'notDateField',
  'notSubTable',
  'notDepartmentField',
  'unknownRole',
  'unknownDepartment',
  'unknownFunction',
  'unknownWorkflow',
  'unknownEvent',
  'childFormMismatch',
  'spawnsItself',
  'inputTwice',
  'ratioMissing',
  'ratioUnused',
  'invalidReturnTo',
  'dueSpec',
  'waitSpec',
  'escalationTarget',
  'invalidDuration',
] as const;

export type WorkflowProblemCode = (typeof WORKFLOW_PROBLEM_CODES)[number];

export interface WorkflowProblem {
  readonly pointer: string;
  readonly code: WorkflowProblemCode;
  /** English, for files and logs; the designer words the graph problems itself from `code` and `state`. */
  readonly message: string;
  /** The state a graph problem (unreachable, dead end) is about. */
  readonly state?: string;
}
