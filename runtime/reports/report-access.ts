import type { AppDefinition, DashboardDefinition, FormDefinition, ReportDefinition } from '../../engine/definitions/index.js';
import type { ReportPlan } from '../../engine/reports/index.js';
import { mayCallFunction, PLAN_FUNCTION } from '../planning/function-access.js';
import { isAdmin, mayReadField, mayUseForm } from '../services/form-access.js';

type FormLookup = (id: string) => FormDefinition | undefined;

/**
 * A report runs for admin, for its roles (everyone when it has none), and only over forms the user
 * may read; over plan runs only for those who may read plan runs (the mrp.plan roles).
 */
export function mayRunReport(definition: ReportDefinition, roles: readonly string[], form: FormLookup, app: AppDefinition | undefined): boolean {
  if (isAdmin(roles)) return true;
  if (definition.roles !== undefined && !definition.roles.some((role) => roles.includes(role))) return false;
  if ('planRun' in definition.source && !mayCallFunction(app, roles, PLAN_FUNCTION)) return false;
  const forms = ['form' in definition.source ? [definition.source.form] : [], (definition.joins ?? []).map((join) => join.form)].flat();
  return forms.every((id) => {
    const target = form(id);
    return target !== undefined && mayUseForm(target, roles, 'read');
  });
}

export function mayOpenDashboard(definition: DashboardDefinition, roles: readonly string[]): boolean {
  return isAdmin(roles) || definition.roles === undefined || definition.roles.some((role) => roles.includes(role));
}

/** Whether every `form:path` read is a field the roles may read. */
export function mayReadAll(reads: readonly string[], roles: readonly string[], form: FormLookup): boolean {
  return reads.every((read) => {
    const colon = read.indexOf(':');
    const target = form(read.slice(0, colon));
    return target !== undefined && mayReadField(target, read.slice(colon + 1), roles);
  });
}

/** Measures over a field the user may not read: left out of the query and listed as hidden. */
export function hiddenMeasures(plan: ReportPlan, roles: readonly string[], form: FormLookup): Set<string> {
  return new Set(plan.measures.filter((measure) => !mayReadAll(measure.reads, roles, form)).map((measure) => measure.key));
}
