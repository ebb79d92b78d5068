import type { DiagramLayout } from '../../../engine/workflows/diagram-layout.js';
import type { DefinitionDraft, DesignerEntry, DesignerKind, PublishedDefinition, PublishedDefinitionText } from './designer-types.js';
import { ApiError, problemToError } from './api-error.js';
import type {
  AttachmentValue,
  DefinitionsResponse,
  HistoryResponse,
  ListQuery,
  LoginResponse,
  OrdoRecord,
  PickableUser,
  RecordList,
  SessionUser,
  ValidateResponse,
} from './api-types.js';
import { listQueryToSearch } from './list-query.js';
import type { FirmResult, FunctionInfo, PlanRun, PlanRunSummary } from './planning-types.js';
import type { DispatchList, ScheduleMove, ScheduleRunRequest, ScheduleRunSummary, ScheduleRunView, ScheduleShopEvent } from './scheduling-types.js';
import type { DashboardDefinition, DashboardSummary, DrillResult, PrintTemplateSummary, ReportResult, ReportRow, ReportSummary } from './report-types.js';
import type {
  BatchResult,
  CommandResult,
  InboxBox,
  InboxPage,
  SignerPosition,
  WorkflowInstance,
  WorkflowInstanceDetail,
  WorkflowTask,
} from './workflow-types.js';

export interface ApiClientOptions {
  readonly getToken: () => string | null;
  readonly getLocale: () => string;
  /** Called when the server answers 401 to a call made with a token: the session is gone. */
  readonly onUnauthenticated?: (error: ApiError) => void;
  readonly fetchImpl?: typeof fetch;
  readonly baseUrl?: string;
}

interface RequestOptions {
  readonly body?: unknown;
  /** Sent as the body as it is (an upload), instead of `body` as JSON. */
  readonly file?: Blob;
  readonly headers?: Record<string, string>;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** A file the server sent (an export, a printed document) with the name it suggested. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string | undefined;
}

/** The file name of a Content-Disposition header; RFC 6266's UTF-8 `filename*` wins, as it carries Chinese names. */
export function dispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name || undefined;
}

function reportPath(id: string, action?: string): string {
  return `/api/reports/${encodeURIComponent(id)}${action === undefined ? '' : `/${action}`}`;
}

function draftPath(kind: DesignerKind, id: string): string {
  return `/api/designer/drafts/${kind}/${encodeURIComponent(id)}`;
}

function formPath(form: string): string {
  return `/api/forms/${encodeURIComponent(form)}/records`;
}

function taskPath(id: string, action?: string): string {
  return `/api/tasks/${encodeURIComponent(id)}${action === undefined ? '' : `/${action}`}`;
}

function instancePath(id: string, action?: string): string {
  return `/api/workflows/${encodeURIComponent(id)}${action === undefined ? '' : `/${action}`}`;
}

/** A comment is sent only when there is one: an empty text is no comment. */
function withComment<T extends object>(body: T, comment: string | undefined): T & { comment?: string } {
  const text = comment?.trim();
  return text ? { ...body, comment: text } : body;
}

interface RawBatchResult {
  readonly id: string;
  readonly ok: boolean;
  readonly instance?: WorkflowInstance;
  readonly error?: unknown;
}

export function createApiClient(options: ApiClientOptions) {
  const fetchImpl = options.fetchImpl ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const baseUrl = options.baseUrl ?? '';

  async function send(method: string, path: string, requestOptions: RequestOptions & { accept: string }): Promise<{ response: Response; token: string | null }> {
    const headers: Record<string, string> = {
      Accept: requestOptions.accept,
      'Accept-Language': options.getLocale(),
      ...requestOptions.headers,
    };
    const token = options.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | Blob | undefined;
    if (requestOptions.file !== undefined) {
      headers['Content-Type'] = requestOptions.file.type || 'application/octet-stream';
      body = requestOptions.file;
    } else if (requestOptions.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(requestOptions.body);
    }
    try {
      const response = await fetchImpl(`${baseUrl}${path}`, body === undefined ? { method, headers } : { method, headers, body });
      return { response, token };
    } catch (cause) {
      throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
    }
  }

  async function failure(response: Response, token: string | null): Promise<ApiError> {
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    const error = problemToError(response.status, parsed, response.statusText);
    if (response.status === 401 && token) options.onUnauthenticated?.(error);
    return error;
  }

  async function request<T>(method: string, path: string, requestOptions: RequestOptions = {}): Promise<T> {
    const { response, token } = await send(method, path, { ...requestOptions, accept: 'application/json, application/problem+json' });
    if (!response.ok) throw await failure(response, token);
    const text = await response.text();
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      return undefined as T;
    }
  }

  /** GETs a file with the session's token (a link cannot carry the Authorization header). */
  async function download(path: string): Promise<DownloadedFile> {
    const { response, token } = await send('GET', path, { accept: '*/*' });
    if (!response.ok) throw await failure(response, token);
    return { blob: await response.blob(), filename: dispositionFilename(response.headers.get('Content-Disposition')) };
  }

  return {
    login: (username: string, password: string) => request<LoginResponse>('POST', '/api/auth/login', { body: { username, password } }),
    logout: () => request<unknown>('POST', '/api/auth/logout'),
    me: async (): Promise<SessionUser> => {
      const answer = await request<SessionUser | { user: SessionUser }>('GET', '/api/auth/me');
      return 'user' in answer ? answer.user : answer;
    },
    definitions: () => request<DefinitionsResponse>('GET', '/api/definitions'),
    users: () => request<{ items: readonly PickableUser[] }>('GET', '/api/users'),
    uploadAttachment: (form: string, field: string, file: File) =>
      request<AttachmentValue>('POST', `/api/forms/${encodeURIComponent(form)}/attachments?field=${encodeURIComponent(field)}&name=${encodeURIComponent(file.name)}`, { file }),
    attachment: (id: string) => download(`/api/attachments/${encodeURIComponent(id)}`),
    listRecords: (form: string, query: ListQuery) => request<RecordList>('GET', `${formPath(form)}${listQueryToSearch(query)}`),
    getRecord: (form: string, id: string) => request<OrdoRecord>('GET', `${formPath(form)}/${encodeURIComponent(id)}`),
    createRecord: (form: string, data: Record<string, unknown>, idempotencyKey: string) =>
      request<OrdoRecord>('POST', formPath(form), { body: { data }, headers: { 'Idempotency-Key': idempotencyKey } }),
    updateRecord: (form: string, id: string, revision: number, data: Record<string, unknown>) =>
      request<OrdoRecord>('PATCH', `${formPath(form)}/${encodeURIComponent(id)}`, { body: { revision, data } }),
    deleteRecord: (form: string, id: string, revision: number) =>
      request<unknown>('DELETE', `${formPath(form)}/${encodeURIComponent(id)}?revision=${revision}`),
    history: (form: string, id: string) => request<HistoryResponse>('GET', `${formPath(form)}/${encodeURIComponent(id)}/history`),
    validate: (form: string, data: Record<string, unknown>, id?: string) =>
      request<ValidateResponse>('POST', `/api/forms/${encodeURIComponent(form)}/validate`, { body: id === undefined ? { data } : { data, id } }),

    inbox: <B extends InboxBox>(box: B, page: { limit: number; offset: number }) =>
      request<InboxPage<B>>('GET', `/api/tasks?box=${box}&limit=${page.limit}&offset=${page.offset}`),
    getTask: (id: string) => request<WorkflowTask>('GET', taskPath(id)),
    completeTask: (id: string, outcome: 'approve' | 'reject', comment?: string, data?: Record<string, unknown>) =>
      request<CommandResult>('POST', taskPath(id, 'complete'), { body: withComment(data === undefined ? { outcome } : { outcome, data }, comment) }),
    returnTask: (id: string, to: string, comment?: string) => request<CommandResult>('POST', taskPath(id, 'return'), { body: withComment({ to }, comment) }),
    transferTask: (id: string, to: string, comment?: string) => request<CommandResult>('POST', taskPath(id, 'transfer'), { body: withComment({ to }, comment) }),
    addSigner: (id: string, user: string, position: SignerPosition, comment?: string) =>
      request<CommandResult>('POST', taskPath(id, 'add-signer'), { body: withComment({ user, position }, comment) }),
    saveDraft: (id: string, data: Record<string, unknown>) => request<WorkflowTask>('PUT', taskPath(id, 'draft'), { body: { data } }),
    batchApprove: async (ids: readonly string[], comment?: string): Promise<BatchResult[]> => {
      const answer = await request<{ results: readonly RawBatchResult[] }>('POST', '/api/tasks/batch-complete', { body: withComment({ ids, outcome: 'approve' }, comment) });
      return answer.results.map((result): BatchResult =>
        result.ok && result.instance !== undefined
          ? { id: result.id, ok: true, instance: result.instance }
          : { id: result.id, ok: false, error: problemToError(0, result.error) },
      );
    },
    startWorkflow: (workflow: string, recordId: string) => request<CommandResult>('POST', '/api/workflows', { body: { workflow, recordId } }),
    getWorkflow: (id: string) => request<WorkflowInstanceDetail>('GET', instancePath(id)),
    sendEvent: (id: string, type: string, comment?: string) => request<CommandResult>('POST', instancePath(id, 'events'), { body: withComment({ type }, comment) }),
    withdraw: (id: string, comment?: string) => request<CommandResult>('POST', instancePath(id, 'withdraw'), { body: withComment({}, comment) }),
    functions: () => request<{ items: readonly FunctionInfo[] }>('GET', '/api/functions'),
    callFunction: <T>(name: string, input: unknown) => request<T>('POST', `/api/functions/${encodeURIComponent(name)}`, { body: input }),
    planRuns: (limit: number) => request<{ items: readonly PlanRunSummary[] }>('GET', `/api/plan-runs?limit=${limit}`),
    planRun: (id: string) => request<PlanRun>('GET', `/api/plan-runs/${encodeURIComponent(id)}`),
    firmPlannedOrders: (runId: string, plannedOrders: readonly string[], idempotencyKey: string) =>
      request<FirmResult>('POST', `/api/plan-runs/${encodeURIComponent(runId)}/firm`, { body: { plannedOrders }, headers: { 'Idempotency-Key': idempotencyKey } }),
    scheduleRuns: (limit: number) => request<{ items: readonly ScheduleRunSummary[] }>('GET', `/api/schedule-runs?limit=${limit}`),
    scheduleRun: (id: string) => request<ScheduleRunView>('GET', `/api/schedule-runs/${encodeURIComponent(id)}`),
    createScheduleRun: (body: ScheduleRunRequest) => request<ScheduleRunView>('POST', '/api/schedule-runs', { body }),
    commitScheduleRun: (id: string) => request<ScheduleRunView>('POST', `/api/schedule-runs/${encodeURIComponent(id)}/commit`),
    moveOperation: (move: ScheduleMove) => request<ScheduleRunView>('POST', '/api/schedule-runs/committed/moves', { body: move }),
    reportScheduleEvent: (event: ScheduleShopEvent) => request<ScheduleRunView>('POST', '/api/schedule-events', { body: event }),
    dispatchList: (workCenter: string, machine?: string) =>
      request<DispatchList>('GET', `/api/dispatch-lists/${encodeURIComponent(workCenter)}${machine ? `?machine=${encodeURIComponent(machine)}` : ''}`),
    recordWorkflows: (form: string, id: string) => request<{ items: readonly WorkflowInstance[] }>('GET', `${formPath(form)}/${encodeURIComponent(id)}/workflows`),

    reports: () => request<{ items: readonly ReportSummary[] }>('GET', '/api/reports'),
    runReport: (id: string, parameters: Readonly<Record<string, unknown>>) => request<ReportResult>('POST', reportPath(id, 'run'), { body: { parameters } }),
    drillReport: (id: string, parameters: Readonly<Record<string, unknown>>, row: ReportRow, page: { limit: number; offset: number }) =>
      request<DrillResult>('POST', reportPath(id, 'drill'), { body: { parameters, row, ...page } }),
    dashboards: () => request<{ items: readonly DashboardSummary[] }>('GET', '/api/dashboards'),
    dashboard: (id: string) => request<DashboardDefinition>('GET', `/api/dashboards/${encodeURIComponent(id)}`),
    designerEntries: (kind: DesignerKind) => request<{ items: readonly DesignerEntry[] }>('GET', `/api/designer/${kind}s`),
    definitionDraft: (kind: DesignerKind, id: string) => request<DefinitionDraft>('GET', draftPath(kind, id)),
    /** With `expectedUpdatedAt` (the loaded draft's, null for none) a draft someone saved since is refused: 409 ORDO_ERR_DRAFT_CONFLICT. */
    /** `layout` (workflows) is saved with the text; left out, the saved one stays. */
    saveDefinitionDraft: (kind: DesignerKind, id: string, body: string, expectedUpdatedAt?: string | null, layout?: DiagramLayout | null) =>
      request<DefinitionDraft>('PUT', draftPath(kind, id), { body: { body, ...(expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt }), ...(layout === undefined ? {} : { layout }) } }),
    publishedDefinitionText: (kind: DesignerKind, id: string) => request<PublishedDefinitionText>('GET', `/api/designer/published/${kind}/${encodeURIComponent(id)}`),
    publishDefinitionDraft: (kind: DesignerKind, id: string) => request<PublishedDefinition>('POST', `${draftPath(kind, id)}/publish`),
    previewReport: (body: string, parameters: Readonly<Record<string, unknown>>) => request<ReportResult>('POST', '/api/designer/reports/preview', { body: { body, parameters } }),
    printTemplates: (form: string) => request<{ items: readonly PrintTemplateSummary[] }>('GET', `/api/print-templates?form=${encodeURIComponent(form)}`),
    download,
  };
}
