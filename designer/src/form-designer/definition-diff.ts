/**
 * What changed between the published version of a form and its draft, per field in the words of the
 * designer's properties panel (label, type, required, options, checks, rules, ...), and as a text diff
 * of the definitions. Pure: the "变更" tab and the publish dialog render it.
 */
import { structuredPatch, type StructuredPatchHunk } from 'diff';
import type { FormDefinition, LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { fromDefinition, type DesignField } from './field-model.js';

export const FIELD_ASPECTS = ['label', 'type', 'required', 'options', 'validation', 'help', 'default', 'formula', 'rules', 'lookup', 'serial', 'permissions', 'width', 'display'] as const;
export type FieldAspect = (typeof FIELD_ASPECTS)[number];

/** Everything the designer shows about one field, by aspect; `undefined` when the field does not have it. */
export type FieldFacts = Readonly<Record<FieldAspect, unknown>>;

export interface AspectChange {
  aspect: FieldAspect;
  before: unknown;
  after: unknown;
}

export type FieldChange =
  | { kind: 'added'; path: string; label: LocalizedText; facts: FieldFacts }
  | { kind: 'removed'; path: string; label: LocalizedText; facts: FieldFacts }
  | { kind: 'changed'; path: string; label: LocalizedText; aspects: AspectChange[] };

export type FormAspect = 'title' | 'order' | 'sections' | 'access' | 'other';

export interface FormChange {
  aspect: FormAspect;
  before: unknown;
  after: unknown;
  /** For `other`: the definition keys that differ. */
  keys?: string[];
}

export interface DefinitionDiff {
  fields: FieldChange[];
  form: FormChange[];
}

type Node = Record<string, unknown>;

/** Keys whose content the field facts and the form aspects already cover. */
const EXPLAINED_KEYS = new Set(['kind', 'id', 'version', 'title', 'schema', 'uiSchema', 'layout', 'labels', 'help', 'options', 'computed', 'defaults', 'rules', 'lookups', 'serials', 'permissions', 'messages', 'access']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entry(map: unknown, key: string): unknown {
  return isNode(map) && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Equality of JSON values, key order included: the text that would be published differs otherwise. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function factsOf(definition: Node, path: string, field: DesignField): FieldFacts {
  const top = !path.includes('.');
  const rules = Array.isArray(definition.rules) ? definition.rules.filter((rule) => isNode(rule) && rule.field === path) : [];
  const validation = { min: field.min, max: field.max, maxLength: field.maxLength, pattern: field.pattern, ...field.extra };
  const constant = field.defaultValue;
  const formula = entry(definition.defaults, path);
  const display = { ui: top ? entry(definition.uiSchema, field.name) : undefined, messages: entry(definition.messages, path) };
  return {
    label: field.label,
    type: field.type,
    required: field.required,
    options: field.options,
    validation: Object.values(validation).every((value) => value === undefined) ? undefined : validation,
    help: field.help,
    default: constant === undefined && formula === undefined ? undefined : { value: constant, formula },
    formula: entry(definition.computed, path),
    rules: rules.length === 0 ? undefined : rules,
    lookup: entry(definition.lookups, path),
    serial: entry(definition.serials, path),
    permissions: entry(definition.permissions, path),
    width: top ? entry(isNode(definition.layout) ? definition.layout.widths : undefined, field.name) : undefined,
    display: display.ui === undefined && display.messages === undefined ? undefined : display,
  };
}

/** The facts of every field (sub-table columns as `table.column`), in the form's order. */
export function fieldFacts(definition: FormDefinition): Map<string, { label: LocalizedText; facts: FieldFacts }> {
  const source = definition as unknown as Node;
  const facts = new Map<string, { label: LocalizedText; facts: FieldFacts }>();
  for (const field of fromDefinition(definition).fields) {
    facts.set(field.name, { label: field.label, facts: factsOf(source, field.name, { ...field, columns: undefined }) });
    for (const column of field.columns ?? []) facts.set(`${field.name}.${column.name}`, { label: column.label, facts: factsOf(source, `${field.name}.${column.name}`, column) });
  }
  return facts;
}

function fieldOrder(definition: FormDefinition): string[] {
  return fromDefinition(definition).fields.map((field) => field.name);
}

function formChanges(published: FormDefinition, draft: FormDefinition): FormChange[] {
  const before = published as unknown as Node;
  const after = draft as unknown as Node;
  const changes: FormChange[] = [];
  if (!same(before.title, after.title)) changes.push({ aspect: 'title', before: before.title, after: after.title });
  // Only the order of the fields both versions have: an added or removed field is reported as such.
  const [namesBefore, namesAfter] = [fieldOrder(published), fieldOrder(draft)];
  const inDraft = new Set(namesAfter);
  const kept = new Set(namesBefore.filter((name) => inDraft.has(name)));
  const orderBefore = namesBefore.filter((name) => kept.has(name));
  const orderAfter = namesAfter.filter((name) => kept.has(name));
  if (!same(orderBefore, orderAfter)) changes.push({ aspect: 'order', before: orderBefore, after: orderAfter });
  const sections = (definition: Node) => (isNode(definition.layout) ? definition.layout.sections : undefined);
  if (!same(sections(before), sections(after))) changes.push({ aspect: 'sections', before: sections(before), after: sections(after) });
  if (!same(before.access, after.access)) changes.push({ aspect: 'access', before: before.access, after: after.access });
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !EXPLAINED_KEYS.has(key) && !same(before[key], after[key]));
  // uiSchema beyond the fields' own entries and their order (form-wide rjsf settings).
  const formUi = (definition: Node) => (isNode(definition.uiSchema) ? Object.fromEntries(Object.entries(definition.uiSchema).filter(([key]) => key.startsWith('ui:') && key !== 'ui:order')) : {});
  if (!same(formUi(before), formUi(after))) keys.push('uiSchema');
  if (keys.length > 0) changes.push({ aspect: 'other', keys, before: Object.fromEntries(keys.map((key) => [key, key === 'uiSchema' ? formUi(before) : before[key]])), after: Object.fromEntries(keys.map((key) => [key, key === 'uiSchema' ? formUi(after) : after[key]])) });
  return changes;
}

/** The draft against the published version: fields added, removed and changed (aspect by aspect), and form-wide changes. */
export function diffDefinitions(published: FormDefinition, draft: FormDefinition): DefinitionDiff {
  const before = fieldFacts(published);
  const after = fieldFacts(draft);
  const fields: FieldChange[] = [];
  for (const [path, { label, facts }] of after) {
    const old = before.get(path);
    if (old === undefined) {
      fields.push({ kind: 'added', path, label, facts });
      continue;
    }
    const aspects = FIELD_ASPECTS.filter((aspect) => !same(old.facts[aspect], facts[aspect])).map((aspect) => ({ aspect, before: old.facts[aspect], after: facts[aspect] }));
    if (aspects.length > 0) fields.push({ kind: 'changed', path, label, aspects });
  }
  for (const [path, { label, facts }] of before) if (!after.has(path)) fields.push({ kind: 'removed', path, label, facts });
  return { fields, form: formChanges(published, draft) };
}

export function isEmptyDiff(diff: DefinitionDiff): boolean {
  return diff.fields.length === 0 && diff.form.length === 0;
}

/** Line hunks of the published text against the draft's, three lines of context (jsdiff). */
export function textDiff(published: string, draft: string): StructuredPatchHunk[] {
  return structuredPatch('published', 'draft', published, draft, undefined, undefined, { context: 3 }).hunks;
}
