import { isOrdoError } from '../errors/index.js';
import { compileForm } from '../forms/index.js';
import { checkDashboard, planReport } from '../reports/index.js';
import { compileWorkflow } from '../workflows/index.js';
import { crossCheckDefinitions, type LocatedForm } from './cross-checks.js';
import type { DefinitionProblem } from './definition-problem.js';
import type { AppDefinition, DashboardDefinition, FormDefinition, PrintTemplateDefinition, ReportDefinition, WorkflowDefinition } from './generated/definition-types.js';
import { parseJsonSource } from './json-source.js';
import { validateAgainstMetaSchema } from './meta-schema-validator.js';
import { DEFINITION_KINDS, type DefinitionKind } from './meta-schemas/index.js';
import { checkPrintTemplates, type LoadedPrintTemplate } from './print-template-checks.js';

export interface DefinitionFile {
  readonly path: string;
  readonly text: string;
}

export interface DefinitionSet {
  readonly app?: AppDefinition;
  readonly forms: readonly FormDefinition[];
  readonly workflows: readonly WorkflowDefinition[];
  readonly reports: readonly ReportDefinition[];
  readonly dashboards: readonly DashboardDefinition[];
  readonly printTemplates: readonly LoadedPrintTemplate[];
}

export interface ValidationOutcome {
  /** Only the definitions without problems; publish them only when `problems` is empty. */
  readonly definitions: DefinitionSet;
  readonly problems: readonly DefinitionProblem[];
}

/**
 * Validates a whole application package: each file against its meta-schema, each form through the
 * form compiler (formulas, rules, patterns), then the references between files. Reports every
 * problem, not the first.
 */
export function validateDefinitionFiles(files: readonly DefinitionFile[]): ValidationOutcome {
  const problems: DefinitionProblem[] = [];
  const forms: LocatedForm[] = [];
  const workflows: { file: string; definition: WorkflowDefinition }[] = [];
  const reports: Located<ReportDefinition>[] = [];
  const dashboards: Located<DashboardDefinition>[] = [];
  let app: { file: string; definition: AppDefinition } | undefined;
  const printTemplates: { file: string; definition: PrintTemplateDefinition }[] = [];
  // Files other definitions use by name (print templates' handlebars files), not definitions themselves.
  const resources = new Map<string, string>();

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (file.path.endsWith(RESOURCE_EXTENSION)) {
      resources.set(file.path, file.text);
      continue;
    }
    const parsed = parseJsonSource(file.text);
    if (!parsed.ok) {
      problems.push({ file: file.path, pointer: '', message: parsed.message });
      continue;
    }
    const kind = kindOf(parsed.value);
    if (kind === undefined) {
      problems.push({ file: file.path, pointer: '/kind', message: `must be one of ${DEFINITION_KINDS.map((k) => `"${k}"`).join(', ')}` });
      continue;
    }
    const schemaProblems = validateAgainstMetaSchema(kind, parsed.value);
    if (schemaProblems.length > 0) {
      problems.push(...schemaProblems.map((problem) => ({ file: file.path, ...problem })));
      continue;
    }
    if (kind === 'app') {
      if (app !== undefined) problems.push({ file: file.path, pointer: '', message: `a second app definition (the first is ${app.file})` });
      else app = { file: file.path, definition: parsed.value as AppDefinition };
      continue;
    }
    if (kind === 'workflow') {
      workflows.push({ file: file.path, definition: parsed.value as WorkflowDefinition });
      continue;
    }
    if (kind === 'report') {
      reports.push({ file: file.path, definition: parsed.value as ReportDefinition });
      continue;
    }
    if (kind === 'dashboard') {
      dashboards.push({ file: file.path, definition: parsed.value as DashboardDefinition });
      continue;
    }
    if (kind === 'print-template') {
      printTemplates.push({ file: file.path, definition: parsed.value as PrintTemplateDefinition });
      continue;
    }
    const definition = parsed.value as FormDefinition;
    const compiled = compileFormReportingProblems(file.path, definition, problems);
    forms.push({ file: file.path, definition, fieldPaths: compiled });
  }

  problems.push(...crossCheckDefinitions(forms, app));
  problems.push(...checkWorkflows(workflows, forms, app?.definition));
  problems.push(...checkReports(reports, dashboards, forms));
  const printing = checkPrintTemplates(printTemplates, resources, forms);
  problems.push(...printing.problems);
  const badFiles = new Set(problems.map((problem) => problem.file));
  return {
    definitions: {
      ...(app !== undefined && !badFiles.has(app.file) ? { app: app.definition } : {}),
      forms: forms.filter((form) => !badFiles.has(form.file)).map((form) => form.definition),
      workflows: workflows.filter((workflow) => !badFiles.has(workflow.file)).map((workflow) => workflow.definition),
      reports: reports.filter((report) => !badFiles.has(report.file)).map((report) => report.definition),
      dashboards: dashboards.filter((dashboard) => !badFiles.has(dashboard.file)).map((dashboard) => dashboard.definition),
      printTemplates: printing.loaded.filter((entry) => !badFiles.has(entry.file)).map((entry) => entry.template),
    },
    problems,
  };
}

const RESOURCE_EXTENSION = '.hbs';

interface Located<T> {
  file: string;
  definition: T;
}

/** Each report planned against the forms (fields, measures, parameters), each dashboard against the reports. */
function checkReports(
  reports: readonly Located<ReportDefinition>[],
  dashboards: readonly Located<DashboardDefinition>[],
  forms: readonly LocatedForm[],
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const formsById = new Map(forms.map((form) => [form.definition.id, form.definition]));
  const collect = (file: string, check: () => void) => {
    try {
      check();
    } catch (error) {
      if (!isOrdoError(error) || error.code !== 'ORDO_ERR_DEFINITION_INVALID') throw error;
      problems.push(...error.fields.map((field) => ({ file, pointer: field.pointer, code: field.code, message: field.message })));
    }
  };
  for (const { file, definition } of [...reports, ...dashboards]) {
    const first = [...reports, ...dashboards].find((other) => other.definition.kind === definition.kind && other.definition.id === definition.id);
    if (first !== undefined && first.file !== file) problems.push({ file, pointer: '/id', message: `${definition.kind} "${definition.id}" is also defined in ${first.file}` });
  }
  for (const { file, definition } of reports) collect(file, () => planReport(definition, formsById));
  const reportsById = new Map(reports.map((report) => [report.definition.id, report.definition]));
  for (const { file, definition } of dashboards) collect(file, () => checkDashboard(definition, reportsById));
  return problems;
}

function kindOf(value: unknown): DefinitionKind | undefined {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return undefined;
  return DEFINITION_KINDS.find((kind) => kind === value.kind);
}

function checkWorkflows(
  workflows: readonly { file: string; definition: WorkflowDefinition }[],
  forms: readonly LocatedForm[],
  app: AppDefinition | undefined,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const formsById = new Map(forms.map((form) => [form.definition.id, form.definition]));
  const workflowsById = new Map(workflows.map((workflow) => [workflow.definition.id, workflow.definition]));
  const roles = app === undefined ? undefined : new Set(['admin', ...app.roles.map((role) => role.id)]);
  const departments = app === undefined ? undefined : new Set((app.departments ?? []).map((department) => department.id));
  const seen = new Map<string, string>();
  for (const { file, definition } of workflows) {
    const first = seen.get(definition.id);
    if (first !== undefined) problems.push({ file, pointer: '/id', message: `workflow "${definition.id}" is also defined in ${first}` });
    seen.set(definition.id, first ?? file);
    try {
      compileWorkflow(definition, { forms: formsById, workflows: workflowsById, ...(roles === undefined ? {} : { roles }), ...(departments === undefined ? {} : { departments }) });
    } catch (error) {
      if (!isOrdoError(error) || error.code !== 'ORDO_ERR_DEFINITION_INVALID') throw error;
      problems.push(...error.fields.map((field) => ({ file, pointer: field.pointer, code: field.code, message: field.message })));
    }
  }
  return problems;
}

function compileFormReportingProblems(
  file: string,
  definition: FormDefinition,
  problems: DefinitionProblem[],
): ReadonlySet<string> | undefined {
  try {
    return new Set(compileForm(definition).fields.map((field) => field.path));
  } catch (error) {
    if (!isOrdoError(error) || error.code !== 'ORDO_ERR_DEFINITION_INVALID') throw error;
    const fields = error.fields.length > 0 ? error.fields : [{ pointer: '', message: error.message }];
    problems.push(...fields.map((field) => ({ file, pointer: field.pointer, ...('code' in field ? { code: field.code } : {}), message: field.message })));
    return undefined;
  }
}
