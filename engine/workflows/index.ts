export {
  activeSlots,
  hasActivity,
  isActiveSlot,
  openRound,
  roundOutcome,
  type ApprovalMode,
  type ApprovalOutcome,
  type ApprovalRound,
  type ApprovalSlot,
  type Decision,
  type SignerPosition,
  type SlotStatus,
} from './approval/approval-rules.js';
export { departmentManager, departmentMembers, matchAssignee, namesIn, type AssigneeCases, type DepartmentMember, type DepartmentScope } from './assignees.js';
export { checkWorkflow, type CheckEnvironment } from './check-workflow.js';
export { WORKFLOW_PROBLEM_CODES, type WorkflowProblem, type WorkflowProblemCode } from './workflow-problem.js';
export { compileWorkflow, type CompiledWorkflow, type WorkflowEnvironment } from './compile-workflow.js';
export { dueInstant, fieldInstant, remindInstant } from './due-times.js';
export { addDuration, parseDuration, type Duration } from './durations.js';
export { acceptedEvents, restoreSnapshot, startWorkflow, stepWorkflow, type InstanceState, type StepResult } from './run-workflow.js';
export { SYSTEM_ACTOR, type EventActor, type WorkflowContext, type WorkflowEffect, type WorkflowEvent } from './workflow-types.js';
export { checkDiagramLayout, diagramStateNames, pruneDiagramLayout, DIAGRAM_PSEUDO_NODES, type DiagramBox, type DiagramLayout, type DiagramRoute, type Point } from './diagram-layout.js';
