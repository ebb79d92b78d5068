export { replayInstance, type ReplayOutcome, type ReplayProblem } from './instance-replay.js';
export { scanInstance, scanInstances, type Violation, type ViolationKind } from './invariant-scan.js';
export {
  MIGRATED_EVENT,
  describeState,
  migrateInstances,
  planMove,
  type MigrationEntry,
  type MigrationReport,
  type MigrationRequest,
} from './migrate-instances.js';
export { renameInstance, type StateRenames } from './state-renames.js';
export { isLoneStep, planStep, type PlannedStep } from './step-runner.js';
export { startTimerWorker, type TimerWorkerOptions } from './timer-worker.js';
export { createWorkflowService } from './workflow-service.js';
export type {
  CommandOptions,
  CommandResult,
  InboxBox,
  InboxQuery,
  InstanceDetail,
  InstanceDto,
  NotificationDto,
  TaskDto,
  TaskStatus,
  TimelineEntry,
  WorkflowService,
} from './types.js';
