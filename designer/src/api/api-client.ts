import { ApiError, problemToError } from './api-error.js';
import type {
  DefinitionsResponse,
  HistoryResponse,
  ListQuery,
  LoginResponse,
  OrdoRecord,
  RecordList,
  SessionUser,
  ValidateResponse,
} from './api-types.js';
import { listQueryToSearch } from './list-query.js';
import type { FirmResult, PlanRun, PlanRunSummary } from './planning-types.js';
import type { DispatchList, ScheduleMove, ScheduleRunRequest, ScheduleRunSummary, ScheduleRunView, ScheduleShopEvent } from './scheduling-types.js';
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
  readonly headers?: Record<string, string>;
}

export type ApiClient = ReturnType<typeof createApiClient>;

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

  async function request<T>(method: string, path: string, requestOptions: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': options.getLocale(),
      ...requestOptions.headers,
    };
    const token = options.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (requestOptions.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(requestOptions.body);
    }
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, body === undefined ? { method, headers } : { method, headers, body });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const error = problemToError(response.status, parsed, response.statusText);
      if (response.status === 401 && token) options.onUnauthenticated?.(error);
      throw error;
    }
    return parsed as T;
  }

  return {
    login: (username: string, password: string) => request<LoginResponse>('POST', '/api/auth/login', { body: { username, password } }),
    logout: () => request<unknown>('POST', '/api/auth/logout'),
    me: async (): Promise<SessionUser> => {
      const answer = await request<SessionUser | { user: SessionUser }>('GET', '/api/auth/me');
      return 'user' in answer ? answer.user : answer;
    },
    definitions: () => request<DefinitionsResponse>('GET', '/api/definitions'),
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
  };
}
