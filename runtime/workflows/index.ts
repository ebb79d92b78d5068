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
