export { createApiClient, dispositionFilename, type ApiClient, type ApiClientOptions, type DownloadedFile } from './api-client.js';
export { ApiError, isApiError, problemToError } from './api-error.js';
export type {
  AttachmentValue,
  DefinitionsResponse,
  DisplayMap,
  FieldChange,
  FilterOperator,
  HistoryActor,
  HistoryEntry,
  HistoryResponse,
  ListQuery,
  LoginResponse,
  OrdoRecord,
  PickableUser,
  RecordFilter,
  RecordList,
  SessionUser,
  ValidateResponse,
} from './api-types.js';
export { newIdempotencyKey } from './idempotency-key.js';
export { listQueryToSearch } from './list-query.js';
export type {
  ChartSpec,
  ChartType,
  ColumnType,
  DashboardDefinition,
  DashboardSummary,
  DashboardWidget,
  DrillItem,
  DrillResult,
  ExportFormat,
  ParameterProperty,
  ParameterSchema,
  PrintTemplateSummary,
  ReportColumn,
  ReportResult,
  ReportRow,
  ReportSummary,
  ReportValue,
} from './report-types.js';
export type { FirmedForm, FirmedOrder, FirmResult, FunctionInfo, PlanLabels, PlanRun, PlanRunSummary } from './planning-types.js';
export type {
  DispatchItem,
  DispatchList,
  MoveViolation,
  MoveViolationKind,
  OrderPriority,
  ScheduleLabels,
  ScheduleMove,
  ScheduleShopEvent,
  ScheduleOrderLabel,
  ScheduleRunKind,
  ScheduleRunRequest,
  ScheduleRunStatus,
  ScheduleRunSummary,
  ScheduleRunView,
  UnscheduledOrder,
  WhatIfChange,
} from './scheduling-types.js';
export { tokenStore } from './token-store.js';
export type {
  BatchResult,
  CommandResult,
  CommentRule,
  InboxBox,
  InboxItems,
  InboxPage,
  SignerPosition,
  StateValue,
  TaskActions,
  TaskStatus,
  TimelineEntry,
  WorkflowInstance,
  WorkflowInstanceDetail,
  WorkflowNotification,
  WorkflowTask,
} from './workflow-types.js';
export type { DefinitionDraft, DesignerEntry, DesignerKind, PublishedDefinition } from './designer-types.js';
