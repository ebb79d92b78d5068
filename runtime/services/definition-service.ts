import type { AppDefinition, DashboardDefinition, FormDefinition, ReportDefinition, WorkflowDefinition } from '../../engine/definitions/index.js';
import { checkDashboard, planReport } from '../../engine/reports/index.js';
import { OrdoError } from '../../engine/errors/index.js';
import { compileForm, type CompiledForm } from '../../engine/forms/index.js';
import { compileWorkflow, type CompiledWorkflow } from '../../engine/workflows/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { ensureReportIndexes } from '../reports/report-indexes.js';
import { insertAudit, insertDefinition, latestDefinition, listDefinitions, type DefinitionRow, type Executor } from '../stores/index.js';
import { canonicalJson, sha256 } from './canonical-json.js';
import { ADMIN_ROLE, mayDesign, mayUseForm } from './form-access.js';
import type { Actor, DefinitionBundle, DefinitionService } from './types.js';

type Versions<T> = Map<string, Map<number, T>>;

interface PublishedState {
  app: AppDefinition | undefined;
  /** form id -> version -> definition */
  forms: Versions<FormDefinition>;
  latest: Map<string, FormDefinition>;
  workflows: Versions<WorkflowDefinition>;
  latestWorkflows: Map<string, WorkflowDefinition>;
  reports: Map<string, ReportDefinition>;
  dashboards: Map<string, DashboardDefinition>;
}

export interface DefinitionServiceHandle {
  service: DefinitionService;
  /** Roles of the published app plus admin; undefined before an app is published. */
  knownRoles(): readonly string[] | undefined;
}

/**
 * Published definitions live in ordo_definitions and, for the synchronous lookups the API makes on
 * every request, in memory. The database assigns versions: a changed definition becomes the latest
 * version + 1; an unchanged one (same content apart from `version`) is left alone.
 */
export async function createDefinitionService(database: OrdoDatabase, now: () => Date): Promise<DefinitionServiceHandle> {
  const { db } = database;
  let state = toState(await listDefinitions(db));
  const compiled = new Map<string, CompiledForm>();
  const compiledWorkflows = new Map<string, CompiledWorkflow>();

  function form(id: string, version?: number): CompiledForm {
    const definition = version === undefined ? state.latest.get(id) : state.forms.get(id)?.get(version);
    if (definition === undefined) {
      throw new OrdoError('ORDO_ERR_FORM_NOT_FOUND', version === undefined ? `No form ${id}` : `No form ${id} version ${version}`);
    }
    const key = `${definition.id}@${definition.version}`;
    let result = compiled.get(key);
    if (result === undefined) {
      result = compileForm(definition);
      compiled.set(key, result);
    }
    return result;
  }

  function workflow(id: string, version?: number): CompiledWorkflow {
    const definition = version === undefined ? state.latestWorkflows.get(id) : state.workflows.get(id)?.get(version);
    if (definition === undefined) {
      throw new OrdoError('ORDO_ERR_WORKFLOW_NOT_FOUND', version === undefined ? `No workflow ${id}` : `No workflow ${id} version ${version}`);
    }
    const key = `${definition.id}@${definition.version}`;
    let result = compiledWorkflows.get(key);
    if (result === undefined) {
      result = compileWorkflow(definition, { forms: state.latest, workflows: state.latestWorkflows });
      compiledWorkflows.set(key, result);
    }
    return result;
  }

  async function publish(defs: DefinitionBundle, actor: Actor | 'system'): Promise<{ published: string[]; unchanged: string[] }> {
    if (actor !== 'system' && !mayDesign(actor, state.app)) {
      throw new OrdoError('ORDO_ERR_FORBIDDEN', 'Only designers may publish definitions');
    }
    // Compile everything first: a broken form must not leave half a package published.
    for (const definition of defs.forms) compileForm(definition);
    const formsAfter = new Map([...state.latest, ...defs.forms.map((definition) => [definition.id, definition] as const)]);
    const workflowsAfter = new Map([...state.latestWorkflows, ...(defs.workflows ?? []).map((definition) => [definition.id, definition] as const)]);
    // A workflow published now must name departments the app has; running instances are never re-checked against a later app.
    const appAfter = defs.app ?? state.app;
    const departments = appAfter === undefined ? {} : { departments: new Set((appAfter.departments ?? []).map((department) => department.id)) };
    for (const definition of defs.workflows ?? []) compileWorkflow(definition, { forms: formsAfter, workflows: workflowsAfter, ...departments });
    const reportsAfter = new Map([...state.reports, ...(defs.reports ?? []).map((definition) => [definition.id, definition] as const)]);
    for (const definition of defs.reports ?? []) planReport(definition, formsAfter);
    for (const definition of defs.dashboards ?? []) checkDashboard(definition, reportsAfter);
    const by = actor === 'system' ? 'system' : actor.username;
    const at = now();
    const result = await db.transaction().execute(async (trx) => {
      const published: string[] = [];
      const unchanged: string[] = [];
      const entries: { kind: DefinitionKindName; definition: AnyDefinition }[] = [
        ...(defs.app === undefined ? [] : [{ kind: 'app' as const, definition: defs.app }]),
        ...defs.forms.map((definition) => ({ kind: 'form' as const, definition })),
        ...(defs.workflows ?? []).map((definition) => ({ kind: 'workflow' as const, definition })),
        ...(defs.reports ?? []).map((definition) => ({ kind: 'report' as const, definition })),
        ...(defs.dashboards ?? []).map((definition) => ({ kind: 'dashboard' as const, definition })),
      ];
      for (const { kind, definition } of entries) {
        const changed = await publishOne(trx, kind, definition, at, by);
        (changed ? published : unchanged).push(definition.id);
      }
      if (published.length > 0) {
        await insertAudit(trx, {
          at,
          actor: { id: actor === 'system' ? null : actor.userId, username: by },
          action: 'definitions.publish',
          detail: { published },
        });
      }
      return { published, unchanged };
    });
    state = toState(await listDefinitions(db));
    if ((defs.reports ?? []).length > 0) await ensureReportIndexes(db, [...state.reports.values()]);
    return result;
  }

  return {
    service: {
      app: () => state.app,
      forms: (actor) =>
        [...state.latest.values()]
          .filter((definition) => mayUseForm(definition, actor.roles, 'read'))
          .sort((a, b) => a.id.localeCompare(b.id)),
      form,
      workflow,
      workflows: (actor) =>
        [...state.latestWorkflows.values()]
          .filter((definition) => {
            const target = state.latest.get(definition.form);
            return target !== undefined && mayUseForm(target, actor.roles, 'read');
          })
          .sort((a, b) => a.id.localeCompare(b.id)),
      report: (id) => state.reports.get(id),
      reports: () => [...state.reports.values()].sort((a, b) => a.id.localeCompare(b.id)),
      dashboard: (id) => state.dashboards.get(id),
      dashboards: () => [...state.dashboards.values()].sort((a, b) => a.id.localeCompare(b.id)),
      publish,
      exportAll: async () => ({
        ...(state.app === undefined ? {} : { app: state.app }),
        forms: [...state.latest.values()].sort((a, b) => a.id.localeCompare(b.id)),
        workflows: [...state.latestWorkflows.values()].sort((a, b) => a.id.localeCompare(b.id)),
        reports: [...state.reports.values()].sort((a, b) => a.id.localeCompare(b.id)),
        dashboards: [...state.dashboards.values()].sort((a, b) => a.id.localeCompare(b.id)),
      }),
    },
    knownRoles: () => (state.app === undefined ? undefined : [ADMIN_ROLE, ...state.app.roles.map((role) => role.id)]),
  };
}

type DefinitionKindName = 'app' | 'form' | 'workflow' | 'report' | 'dashboard';
type AnyDefinition = AppDefinition | FormDefinition | WorkflowDefinition | ReportDefinition | DashboardDefinition;

async function publishOne(
  trx: Executor,
  kind: DefinitionKindName,
  definition: AnyDefinition,
  at: Date,
  by: string,
): Promise<boolean> {
  const checksum = checksumOf(definition);
  const latest = await latestDefinition(trx, kind, definition.id);
  if (latest?.checksum === checksum) return false;
  const version = (latest?.version ?? 0) + 1;
  await insertDefinition(trx, { kind, id: definition.id, version, body: { ...definition, version }, checksum, at, by });
  return true;
}

function checksumOf(definition: AnyDefinition): string {
  const { version: _version, $schema: _schema, ...content } = definition;
  return sha256(canonicalJson(content));
}

function toState(rows: readonly DefinitionRow[]): PublishedState {
  const state: PublishedState = {
    app: undefined,
    forms: new Map(),
    latest: new Map(),
    workflows: new Map(),
    latestWorkflows: new Map(),
    reports: new Map(),
    dashboards: new Map(),
  };
  // Rows come oldest version first, so the last one seen is the latest.
  for (const row of rows) {
    if (row.kind === 'app') state.app = row.body as AppDefinition;
    else if (row.kind === 'form') remember(state.forms, state.latest, row, row.body as FormDefinition);
    else if (row.kind === 'report') state.reports.set(row.id, row.body as ReportDefinition);
    else if (row.kind === 'dashboard') state.dashboards.set(row.id, row.body as DashboardDefinition);
    else remember(state.workflows, state.latestWorkflows, row, row.body as WorkflowDefinition);
  }
  return state;
}

function remember<T>(versions: Versions<T>, latest: Map<string, T>, row: DefinitionRow, definition: T): void {
  let byVersion = versions.get(row.id);
  if (byVersion === undefined) {
    byVersion = new Map();
    versions.set(row.id, byVersion);
  }
  byVersion.set(row.version, definition);
  latest.set(row.id, definition);
}
