import type { DepartmentDefinition, FormDefinition, LocalizedText } from '../../engine/definitions/index.js';
import type { GroupNode, ReportPlan } from '../../engine/reports/index.js';
import { mayReadField, mayUseForm } from '../services/form-access.js';
import { findDisplayNames, findRecordsByIds, type Executor, type RecordRow } from '../stores/index.js';

export interface LabelContext {
  readonly roles: readonly string[];
  readonly form: (id: string) => FormDefinition | undefined;
  readonly departments: readonly DepartmentDefinition[];
}

/** Stored value -> its words, per dimension key; only values the rows hold, and only what the user may read. */
export type DimensionLabels = ReadonlyMap<string, Record<string, LocalizedText>>;

const same = (value: string): LocalizedText => ({ 'zh-CN': value, en: value });

/**
 * The words for each dimension's stored values in these rows: a choice's labels, a member's name, a
 * department's title, a lookup's display field. Lookups are read in one query per target form, and
 * only when the user may read that form's display field (else the id is what they see).
 */
export async function dimensionLabels(db: Executor, plan: ReportPlan, rows: readonly Record<string, unknown>[], context: LabelContext): Promise<DimensionLabels> {
  const valuesOf = (group: GroupNode) => new Set(rows.flatMap((row) => (typeof row[group.key] === 'string' && row[group.key] !== '' ? [row[group.key] as string] : [])));
  const labelled = plan.groups.filter((group) => group.labels !== undefined);
  const lookups = new Map<string, Set<string>>();
  const members = new Set<string>();
  for (const group of labelled) {
    const source = group.labels!;
    if (source.kind === 'member') valuesOf(group).forEach((value) => members.add(value));
    if (source.kind === 'lookup' && mayReadLookup(source.form, source.displayField, context)) {
      const ids = lookups.get(source.form) ?? new Set<string>();
      valuesOf(group).forEach((value) => ids.add(value));
      lookups.set(source.form, ids);
    }
  }
  const [found, names] = await Promise.all([lookups.size === 0 ? new Map<string, RecordRow[]>() : findRecordsByIds(db, lookups), findDisplayNames(db, [...members])]);
  const records = new Map([...found].map(([form, list]) => [form, new Map(list.map((row) => [row.id, row.data]))]));
  const result = new Map<string, Record<string, LocalizedText>>();
  for (const group of labelled) {
    const source = group.labels!;
    const labels: Record<string, LocalizedText> = {};
    for (const value of valuesOf(group)) {
      const label = labelOf(source, value);
      if (label !== undefined) labels[value] = label;
    }
    if (Object.keys(labels).length > 0) result.set(group.key, labels);
  }
  return result;

  function labelOf(source: NonNullable<GroupNode['labels']>, value: string): LocalizedText | undefined {
    switch (source.kind) {
      case 'options':
        return Object.hasOwn(source.options, value) ? source.options[value] : undefined;
      case 'member': {
        const name = names.get(value);
        return name === undefined ? undefined : same(name);
      }
      case 'department':
        return context.departments.find((department) => department.id === value)?.title;
      case 'lookup': {
        const shown = records.get(source.form)?.get(value)?.[source.displayField];
        return shown === undefined || shown === null || shown === '' ? undefined : same(String(shown));
      }
    }
  }
}

function mayReadLookup(form: string, displayField: string, context: LabelContext): boolean {
  const target = context.form(form);
  return target !== undefined && mayUseForm(target, context.roles, 'read') && mayReadField(target, displayField, context.roles);
}
