import type { DashboardDefinition, FormDefinition, ReportDefinition } from '../../engine/definitions/index.js';
import { escapePointer } from '../../engine/definitions/index.js';
import { OrdoError } from '../../engine/errors/index.js';
import { compileParameters, planReport, ReportPlan, type GroupNode, type ParametersSchema, type ParametersValidator } from '../../engine/reports/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { isAdmin, mayDesign, mayUseForm } from '../services/form-access.js';
import { formContext } from '../services/record-context.js';
import type { Actor, DefinitionService } from '../services/types.js';
import { findRecordsByIds } from '../stores/index.js';
import { isInstant } from './condition-sql.js';
import { REPORT_TIME_ZONE } from './field-sql.js';
import { hiddenMeasures, mayOpenDashboard, mayReadAll, mayRunReport } from './report-access.js';
import { dimensionLabels } from './dimension-labels.js';
import { checkReportDraft } from './report-draft.js';
import { drillQuery, reportQuery, rowCondition, type QueryContext } from './report-query.js';
import { resultColumns, resultRows } from './report-result.js';
import type { DrillRequest, DrillResult, ReportResult, ReportService } from './report-types.js';

export interface ReportServiceDependencies {
  database: OrdoDatabase;
  definitions: DefinitionService;
  now: () => Date;
}

interface PreparedReport {
  definition: ReportDefinition;
  plan: ReportPlan;
  parameters: ParametersValidator;
}

const DRILL_PAGE = 50;
const DRILL_PAGE_MAX = 500;

/** Runs report definitions as one aggregate SQL query each, and lists the records behind a row. */
export function createReportService(deps: ReportServiceDependencies): ReportService {
  const { db } = deps.database;
  const prepared = new Map<string, PreparedReport>();

  const formOf = (id: string): FormDefinition | undefined => {
    try {
      return deps.definitions.form(id).definition;
    } catch {
      return undefined;
    }
  };
  const formsMap = (): ReadonlyMap<string, FormDefinition> => new Map(deps.definitions.forms(SYSTEM).map((form) => [form.id, form]));

  function runnable(actor: Actor, id: string): ReportDefinition {
    const definition = deps.definitions.report(id);
    // A report the user may not run is answered as one that does not exist: its name is not theirs to learn.
    if (definition === undefined || !mayRunReport(definition, actor.roles, formOf, deps.definitions.app())) throw new OrdoError('ORDO_ERR_REPORT_NOT_FOUND', `No report ${id}`);
    return definition;
  }

  function prepare(definition: ReportDefinition): PreparedReport {
    const key = `${definition.id}@${definition.version}`;
    let entry = prepared.get(key);
    if (entry === undefined) {
      entry = {
        definition,
        plan: planReport(definition, formsMap()),
        parameters: compileParameters(definition.parameters as ParametersSchema | undefined),
      };
      prepared.set(key, entry);
    }
    return entry;
  }

  function queryContext(actor: Actor, parameters: Record<string, unknown>): QueryContext {
    return {
      parameters,
      today: shanghaiDay(deps.now()),
      readableForms: isAdmin(actor.roles) ? undefined : deps.definitions.forms(actor).map((form) => form.id),
    };
  }

  /** Groups and filters over fields the user may not read would leak them through the row keys or counts. */
  function requireReadableShape(actor: Actor, plan: ReportPlan): void {
    const reads = [...plan.groups.flatMap((group) => group.reads), ...plan.filters.flatMap((filter) => filter.reads)];
    if (!mayReadAll(reads, actor.roles, formOf)) throw new OrdoError('ORDO_ERR_FORBIDDEN', `Report ${plan.report} groups or filters by a field you may not see`);
  }

  async function run(actor: Actor, id: string, input: unknown): Promise<ReportResult> {
    return execute(actor, prepare(runnable(actor, id)), input);
  }

  async function execute(actor: Actor, { definition, plan, parameters: validator }: PreparedReport, input: unknown): Promise<ReportResult> {
    const parameters = validator.check(input);
    requireReadableShape(actor, plan);
    const hidden = hiddenMeasures(plan, actor.roles, formOf);
    const visible = ReportPlan.withoutMeasures(plan, hidden);
    const { rows: raw } = await reportQuery(visible, queryContext(actor, parameters)).execute(db);
    const rows = resultRows(visible, raw);
    const labels = await dimensionLabels(db, visible, rows, { roles: actor.roles, form: formOf, departments: deps.definitions.app()?.departments ?? [] });
    return {
      report: {
        id: definition.id,
        version: definition.version,
        title: definition.title,
        ...(definition.description === undefined ? {} : { description: definition.description }),
      },
      columns: resultColumns(definition, visible, labels),
      rows,
      chart: definition.chart,
      hidden: plan.measures.filter((measure) => hidden.has(measure.key)).map((measure) => measure.key),
      parameters,
    };
  }

  async function drill(actor: Actor, id: string, request: DrillRequest): Promise<DrillResult> {
    const { definition, plan, parameters: validator } = prepare(runnable(actor, id));
    const parameters = validator.check(request.parameters);
    requireReadableShape(actor, plan);
    const source = definition.source;
    const form = drillForm(definition);
    if (form === undefined) throw drillInvalid('/row', 'This report has no records to drill into');
    const compiled = deps.definitions.form(form);
    if (!mayUseForm(compiled.definition, actor.roles, 'read')) throw new OrdoError('ORDO_ERR_FORBIDDEN', `You may not read records of form ${form}`);
    const conditions = Object.entries(request.row).map(([key, value]) => {
      const index = plan.groups.findIndex((group) => group.key === key);
      if (index < 0) throw drillInvalid(`/row/${escapePointer(key)}`, `"${key}" is not a dimension of report ${id}`);
      if (!fitsDimension(plan.groups[index]!, value)) throw drillInvalid(`/row/${escapePointer(key)}`, 'does not fit this dimension (wrong type, or text with NUL)');
      return rowCondition(plan, index, value);
    });
    const target = 'form' in source && source.form === form ? ({ kind: 'source' } as const) : ({ kind: 'join', index: plan.joins.findIndex((join) => join.form === form) } as const);
    const limit = Math.min(request.limit ?? DRILL_PAGE, DRILL_PAGE_MAX);
    const offset = request.offset ?? 0;
    const context = queryContext(actor, parameters);
    const page = async (limit: number, offset: number) => (await drillQuery(plan, context, target, conditions, { limit, offset }).execute(db)).rows;
    const rows = await page(limit, offset);
    // The total rides on each row of the page; a page past the end has none, so ask for the first row.
    const total = Number((rows.length > 0 || offset === 0 ? rows : await page(1, 0))[0]?.total ?? 0);
    const found = (await findRecordsByIds(db, new Map([[form, new Set(rows.map((row) => row.id))]]))).get(form) ?? [];
    const byId = new Map(found.map((row) => [row.id, row]));
    const projection = formContext(actor, deps.now());
    const titleField = compiled.definition.titleField;
    const fields = definition.drill?.fields;
    return {
      form,
      total,
      items: rows.flatMap((row) => {
        const record = byId.get(row.id);
        if (record === undefined) return [];
        const data = compiled.project(record.data, projection);
        const title = titleField === undefined ? undefined : data[titleField];
        return [
          {
            id: record.id,
            title: typeof title === 'string' && title !== '' ? title : record.id,
            data: fields === undefined ? data : Object.fromEntries(fields.filter((field) => Object.hasOwn(data, field)).map((field) => [field, data[field]])),
          },
        ];
      }),
    };
  }

  /**
   * A draft runs like a published report, under the caller's read permissions; its `roles` are not
   * asked, as they say who may run it once published, not who designs it.
   */
  async function preview(actor: Actor, body: string, input: unknown): Promise<ReportResult> {
    if (!mayDesign(actor, deps.definitions.app())) throw new OrdoError('ORDO_ERR_FORBIDDEN', 'Only designers may preview report drafts');
    const checked = checkReportDraft(body, formsMap());
    const { roles: _roles, ...unrestricted } = checked.definition;
    if (!mayRunReport(unrestricted as ReportDefinition, actor.roles, formOf, deps.definitions.app())) {
      throw new OrdoError('ORDO_ERR_FORBIDDEN', 'The draft reads a form or plan runs you may not read');
    }
    return execute(actor, checked, input);
  }

  function dashboard(actor: Actor, id: string): DashboardDefinition {
    const definition = deps.definitions.dashboard(id);
    if (definition === undefined || !mayOpenDashboard(definition, actor.roles)) throw new OrdoError('ORDO_ERR_REPORT_NOT_FOUND', `No dashboard ${id}`);
    const widgets = definition.widgets.filter((widget) => {
      const report = deps.definitions.report(widget.report);
      return report !== undefined && mayRunReport(report, actor.roles, formOf, deps.definitions.app());
    });
    return { ...definition, widgets: widgets as DashboardDefinition['widgets'] };
  }

  return {
    list: (actor) =>
      deps.definitions
        .reports()
        .filter((definition) => mayRunReport(definition, actor.roles, formOf, deps.definitions.app()))
        .map((definition) => ({
          id: definition.id,
          version: definition.version,
          title: definition.title,
          ...(definition.description === undefined ? {} : { description: definition.description }),
          chart: definition.chart,
          ...(definition.parameters === undefined ? {} : { parameters: definition.parameters }),
          drillable: drillForm(definition) !== undefined,
        })),
    get: (actor, id) => runnable(actor, id),
    run,
    preview,
    drill,
    dashboards: (actor) =>
      deps.definitions
        .dashboards()
        .filter((definition) => mayOpenDashboard(definition, actor.roles))
        .map((definition) => ({
          id: definition.id,
          version: definition.version,
          title: definition.title,
          ...(definition.description === undefined ? {} : { description: definition.description }),
        })),
    dashboard,
  };
}

/** Forms are listed for the planner as admin sees them: every published form. */
const SYSTEM: Actor = { userId: 'system', username: 'system', displayName: 'System', roles: ['admin'], locale: 'en' };

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: REPORT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function shanghaiDay(at: Date): string {
  return SHANGHAI_DAY.format(at);
}

/** A row value of the dimension's type, so that comparing it cannot fail in the database. */
function fitsDimension(group: GroupNode, value: unknown): boolean {
  if (value === null) return true;
  if (group.bucket === undefined && group.field.type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (group.bucket === undefined && group.field.type === 'boolean') return typeof value === 'boolean';
  if (group.bucket === undefined && group.field.type === 'timestamp') return isInstant(value);
  return typeof value === 'string' && !value.includes('\u0000');
}

/** The form whose records stand behind a row; workflow and plan-run sources have none unless `drill` names one. */
function drillForm(definition: ReportDefinition): string | undefined {
  return definition.drill?.form ?? ('form' in definition.source ? definition.source.form : undefined);
}

function drillInvalid(pointer: string, message: string): OrdoError {
  return new OrdoError('ORDO_ERR_REPORT_DRILL_INVALID', message, { fields: [{ pointer, code: 'drill', message }] });
}
