export {
  findAttachment,
  findAttachmentMetas,
  insertAttachment,
  linkAttachments,
  purgeUnreferencedAttachments,
  type AttachmentMeta,
  type AttachmentRow,
  type NewAttachmentRow,
} from './attachments-store.js';
export { insertAudit, type AuditEntry } from './audit-store.js';
export { insertDefinition, latestDefinition, listDefinitions, type DefinitionRow, type NewDefinitionRow } from './definitions-store.js';
export { isUniqueViolation, type Executor } from './executor.js';
export { claimIdempotencyKey, findIdempotencyKey, storeIdempotentResponse, type IdempotencyRow } from './idempotency-store.js';
export { insertHistory, listHistory, type HistoryRow, type NewHistoryRow } from './record-history-store.js';
export { likePattern, type FilterOp, type RecordCondition, type RecordSort, type RecordTarget } from './record-query.js';
export {
  findRecord,
  findRecordIdsOutside,
  findRecordsByIds,
  newRecordValues,
  listRecords,
  recordIdExists,
  softDeleteRecord,
  updateRecordData,
  type NewRecordRow,
  type RecordChange,
  type RecordPageQuery,
  type RecordRow,
} from './records-store.js';
export { nextSerial } from './serials-store.js';
export {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findSessionWithUser,
  insertSession,
  type SessionRow,
  type SessionUser,
} from './sessions-store.js';
export {
  findDisplayNames,
  findUserByUsername,
  findUsersByUsernames,
  findUsersInDepartment,
  findUsersWithRoles,
  insertUser,
  listPickableUsers,
  type PickableUser,
  type DirectoryUser,
  type NewUserRow,
  type UserRow,
} from './users-store.js';
export { insertRecordWithTrail } from './record-creation-store.js';
export {
  insertNotifications,
  listNotifications,
  markNotificationsRead,
  type NewNotificationRow,
  type NotificationPageQuery,
  type NotificationRow,
} from './notifications-store.js';
export { insertOutbox, listUndelivered, markOutboxDelivered, type NewOutboxRow, type OutboxRow } from './outbox-store.js';
export {
  findTask,
  findTaskBySlot,
  insertTasks,
  listOpenTasksOf,
  listTasks,
  listTasksOfInstance,
  saveTaskDraft,
  updateTasks,
  type NewTaskRow,
  type TaskChange,
  type TaskPageQuery,
  type TaskRow,
} from './tasks-store.js';
export {
  claimDueTimers,
  countTimers,
  databaseNow,
  deleteTimer,
  deleteTimers,
  insertTimers,
  retryTimer,
  type NewTimerRow,
  type TimerFilter,
  type TimerRow,
} from './timers-store.js';
export { commitStep, type InstanceStep } from './workflow-step-store.js';
export { insertEvents, listEvents, type NewWorkflowEventRow, type WorkflowEventRow } from './workflow-events-store.js';
export {
  findInstance,
  findInstanceForCommand,
  findRunningInstance,
  insertInstance,
  listInstances,
  listInstancesOfRecord,
  setInstanceVersion,
  type InstancePageQuery,
  type InstanceVersionChange,
  type NewWorkflowInstanceRow,
  type WorkflowInstanceRow,
} from './workflow-instances-store.js';
export { renameInstanceNodes, type NodeRename } from './node-renames-store.js';
export {
  findPlanRun,
  insertPlanFirmings,
  insertPlanRun,
  listPlanFirmings,
  listPlanRuns,
  type NewPlanRunRow,
  type PlanFirmingRow,
  type PlanRunRow,
  type PlanRunSummaryRow,
} from './plan-runs-store.js';
export {
  commitScheduleRun,
  findCommittedRunId,
  findScheduleRun,
  insertScheduleRun,
  listScheduleRuns,
  type NewScheduleRunRow,
  type ScheduleRunRow,
  type ScheduleRunSummaryRow,
} from './schedule-runs-store.js';
export { findDraft, listDrafts, saveDraftIfUnchanged, upsertDraft, type DraftKind, type DraftRow } from './definition-drafts-store.js';
