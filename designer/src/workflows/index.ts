export { InboxPage } from './inbox-page.js';
export { batchableIds, isOverdue, recordKeys, recordKeyText, waitingFor, type RecordKey } from './inbox-view.js';
export { TaskPage } from './task-page.js';
export { commentNeeded, errorsInEditable, isCommentProblem, taskStartData, type TaskAction } from './task-rules.js';
export { describeStep, timelineSteps, type StepKind, type StepPlace, type TimelineStep } from './timeline-steps.js';
export { WorkflowPanel, type WorkflowPanelProps } from './workflow-panel.js';
export { eventTitle, findState, finishesByItself, leafStates, mayStart, stateTitle } from './workflow-states.js';
