import type { FormDefinition, LocalizedText } from '../../definitions/generated/definition-types.js';
import type { CompiledExpression } from '../../expressions/index.js';
import { orderComputed } from './computed-order.js';
import { DefinitionProblems } from './definition-problems.js';
import { checkLayout } from './form-layout.js';
import { discoverFields, type FieldShape } from './field-discovery.js';
import { checkFieldKinds, choiceValuesOf } from './field-kinds.js';
import { buildScopes } from './field-scope.js';
import type { FieldNode, FieldRules, FormModel } from './form-model.js';
import { compileFormula } from './formula-compiler.js';
import { getOwn, isPlainObject, pointerOf } from './json-data.js';
import { checkDataSchema } from './schema-checks.js';

export interface FormAnalysis {
  readonly model: FormModel;
  readonly problems: DefinitionProblems;
}

interface RuleDraft {
  visible: CompiledExpression[];
  required: CompiledExpression[];
  readOnly: CompiledExpression[];
  keepValueWhenHidden: boolean;
}

const RULE_KINDS = ['visible', 'required', 'readOnly'] as const;

/** Own entries of an optional map from the definition (never inherited ones such as `constructor`). */
function entriesOf<T>(map: Readonly<Record<string, T>> | undefined): [string, T][] {
  return isPlainObject(map) ? (Object.entries(map) as [string, T][]) : [];
}

/**
 * Builds the form model and checks the definition on the way, collecting every problem. The model
 * is complete only when there are no problems; callers throw before using it otherwise.
 */
export function analyzeForm(definition: FormDefinition): FormAnalysis {
  const problems = new DefinitionProblems();
  checkDataSchema(definition.schema, problems);
  const shapes = discoverFields(definition.schema, problems);
  checkFieldKinds(shapes, problems);
  const byPath = new Map(shapes.map((shape) => [shape.path, shape]));
  const scopes = buildScopes(shapes);
  const scopeOf = (shape: FieldShape) => (shape.subTable === undefined ? scopes.header : scopes.lineOf(shape.subTable));

  const field = (path: string, pointer: string): FieldShape | undefined => {
    const shape = byPath.get(path);
    if (shape === undefined) problems.add(pointer, 'unknownField', `no field "${path}" in the data schema`);
    return shape;
  };

  for (const section of ['labels', 'help', 'permissions', 'messages'] as const) {
    const map: unknown = definition[section];
    for (const path of isPlainObject(map) ? Object.keys(map) : []) field(path, pointerOf(section, path));
  }
  for (const [path, labels] of entriesOf(definition.options)) {
    const shape = field(path, pointerOf('options', path));
    if (shape !== undefined) checkOptionLabels(shape, labels, problems);
  }
  definition.list?.columns?.forEach((path, i) => field(path, pointerOf('list', 'columns', i)));
  definition.list?.searchFields?.forEach((path, i) => field(path, pointerOf('list', 'searchFields', i)));
  if (definition.list?.sort !== undefined) field(definition.list.sort.replace(/^-/, ''), pointerOf('list', 'sort'));
  if (definition.titleField !== undefined) field(definition.titleField, '/titleField');

  const formulas = new Map<string, CompiledExpression>();
  for (const [path, source] of entriesOf(definition.computed)) {
    const pointer = pointerOf('computed', path);
    const shape = field(path, pointer);
    if (shape === undefined) continue;
    if (shape.type === 'table') {
      problems.add(pointer, 'computedType', `"${path}" is a sub-table; compute its columns instead`);
      continue;
    }
    if (getOwn(definition.lookups, path) !== undefined || getOwn(definition.serials, path) !== undefined) {
      problems.add(pointer, 'computedConflict', `"${path}" cannot be computed and also a lookup or a serial number`);
    }
    const compiled = compileFormula(source, scopeOf(shape), shape.type, pointer, problems);
    if (compiled !== undefined) formulas.set(path, compiled);
  }

  const defaultFormulas = new Map<string, CompiledExpression>();
  for (const [path, source] of entriesOf(definition.defaults)) {
    const pointer = pointerOf('defaults', path);
    const shape = field(path, pointer);
    if (shape === undefined) continue;
    if (shape.type === 'table' || formulas.has(path) || getOwn(definition.serials, path) !== undefined) {
      problems.add(pointer, 'defaultConflict', `"${path}" cannot have a default formula: it is a sub-table, computed or a serial number`);
      continue;
    }
    const compiled = compileFormula(source, scopeOf(shape), shape.type, pointer, problems);
    if (compiled !== undefined) defaultFormulas.set(path, compiled);
  }

  const rules = new Map<string, RuleDraft>();
  (definition.rules ?? []).forEach((rule, i) => {
    const shape = field(rule.field, pointerOf('rules', i, 'field'));
    if (shape === undefined) return;
    const draft = rules.get(shape.path) ?? { visible: [], required: [], readOnly: [], keepValueWhenHidden: false };
    for (const kind of RULE_KINDS) {
      const source = rule[kind];
      if (source === undefined) continue;
      const compiled = compileFormula(source, scopeOf(shape), 'boolean', pointerOf('rules', i, kind), problems);
      if (compiled !== undefined) draft[kind].push(compiled);
    }
    draft.keepValueWhenHidden ||= rule.keepValueWhenHidden === true;
    rules.set(shape.path, draft);
  });

  const filledBy = checkLookups(definition, field, problems);
  checkSerials(definition, field, problems);
  checkLayout(definition, field, problems);

  const order = orderComputed(
    [...formulas].map(([path, formula]) => ({ path, subTable: byPath.get(path)?.subTable, references: formula.references })),
    byPath,
    problems,
  );

  const nodes = shapes.map((shape) =>
    freezeNode(definition, shape, { formula: formulas.get(shape.path), defaultFormula: defaultFormulas.get(shape.path) }, rules.get(shape.path), filledBy.get(shape.path)),
  );
  const nodesByPath = new Map(nodes.map((node) => [node.path, node]));
  const model: FormModel = Object.freeze({
    definition,
    fields: Object.freeze(nodes),
    byPath: nodesByPath,
    computedOrder: Object.freeze(order.flatMap((path) => nodesByPath.get(path) ?? [])),
    lookupFields: Object.freeze(nodes.filter((node) => node.lookup !== undefined)),
  });
  return { model, problems };
}

/** The form model of a definition; throws ORDO_ERR_DEFINITION_INVALID listing every problem. */
export function buildFormModel(definition: FormDefinition): FormModel {
  const { model, problems } = analyzeForm(definition);
  problems.throwIfAny(definition.id);
  return model;
}

function checkLookups(
  definition: FormDefinition,
  field: (path: string, pointer: string) => FieldShape | undefined,
  problems: DefinitionProblems,
): Map<string, string> {
  const filledBy = new Map<string, string>();
  for (const [path, lookup] of entriesOf(definition.lookups)) {
    const shape = field(path, pointerOf('lookups', path));
    if (shape === undefined) continue;
    if (shape.jsonType !== 'string') {
      problems.add(pointerOf('lookups', path), 'lookupType', `lookup field "${path}" holds a record id, so its schema type must be "string"`);
    }
    for (const [target] of entriesOf(lookup.fill)) {
      const pointer = pointerOf('lookups', path, 'fill', target);
      const targetShape = field(target, pointer);
      if (targetShape === undefined) continue;
      const sibling = targetShape.subTable === shape.subTable && targetShape.path !== path && targetShape.type !== 'table';
      if (!sibling) {
        const where = shape.subTable === undefined ? 'a top-level field' : `another column of "${shape.subTable}" (written "${shape.subTable}.name")`;
        problems.add(pointer, 'fill', `fill target "${target}" is not a sibling of lookup "${path}": it must be ${where}`);
      } else if (getOwn(definition.computed, target) !== undefined) {
        problems.add(pointer, 'fill', `fill target "${target}" is a computed field`);
      } else if (filledBy.has(target)) {
        problems.add(pointer, 'fill', `"${target}" is already filled by lookup "${filledBy.get(target) ?? ''}"`);
      } else filledBy.set(target, path);
    }
  }
  return filledBy;
}

function checkSerials(
  definition: FormDefinition,
  field: (path: string, pointer: string) => FieldShape | undefined,
  problems: DefinitionProblems,
): void {
  for (const [path] of entriesOf(definition.serials)) {
    const pointer = pointerOf('serials', path);
    const shape = field(path, pointer);
    if (shape === undefined) continue;
    if (shape.subTable !== undefined || shape.jsonType !== 'string') {
      problems.add(pointer, 'serial', `serial number field "${path}" must be a top-level field of type "string"`);
    }
  }
}

function localized(map: Readonly<Record<string, LocalizedText>> | undefined, path: string): LocalizedText | undefined {
  const text = getOwn(map, path);
  return isPlainObject(text) ? (Object.freeze({ ...text }) as unknown as LocalizedText) : undefined;
}

function freezeNode(
  definition: FormDefinition,
  shape: FieldShape,
  { formula, defaultFormula }: { formula: CompiledExpression | undefined; defaultFormula: CompiledExpression | undefined },
  rule: RuleDraft | undefined,
  filledBy: string | undefined,
): FieldNode {
  const rules: FieldRules = Object.freeze({
    visible: Object.freeze([...(rule?.visible ?? [])]),
    required: Object.freeze([...(rule?.required ?? [])]),
    readOnly: Object.freeze([...(rule?.readOnly ?? [])]),
    keepValueWhenHidden: rule?.keepValueWhenHidden ?? false,
  });
  const messages = getOwn(definition.messages, shape.path);
  const help = localized(definition.help, shape.path);
  const source = getOwn(definition.computed, shape.path);
  const lookup = getOwn(definition.lookups, shape.path);
  const permission = getOwn(definition.permissions, shape.path);
  const serial = getOwn(definition.serials, shape.path);
  const options = getOwn(definition.options, shape.path);
  return Object.freeze({
    ...shape,
    label: localized(definition.labels, shape.path) ?? Object.freeze({ 'zh-CN': shape.name, en: shape.name }),
    ...(help === undefined ? {} : { help }),
    ...(typeof source === 'string' ? { computed: source } : {}),
    ...(isPlainObject(lookup) ? { lookup: lookup as unknown as FieldNode['lookup'] } : {}),
    ...(isPlainObject(permission) ? { permission: permission as FieldNode['permission'] } : {}),
    ...(isPlainObject(serial) ? { serial: serial as unknown as FieldNode['serial'] } : {}),
    ...(isPlainObject(options) ? { options: options as Record<string, LocalizedText> } : {}),
    ...(formula === undefined ? {} : { formula }),
    ...(defaultFormula === undefined ? {} : { defaultFormula }),
    ...(filledBy === undefined ? {} : { filledBy }),
    rules,
    messages: Object.freeze(isPlainObject(messages) ? { ...(messages as Record<string, LocalizedText>) } : {}),
  });
}

/** Option labels belong to a choice field (`enum`, or `items.enum` for a multiple choice) and name each of its values exactly once. */
function checkOptionLabels(shape: FieldShape, labels: Readonly<Record<string, LocalizedText>>, problems: DefinitionProblems): void {
  const values = choiceValuesOf(shape.schema);
  if (!Array.isArray(values)) {
    problems.add(pointerOf('options', shape.path), 'optionsWithoutEnum', `"${shape.path}" has no enum for these option labels`);
    return;
  }
  const known = new Set(values.map((value: unknown) => String(value)));
  for (const value of Object.keys(labels)) {
    if (!known.has(value)) problems.add(pointerOf('options', shape.path, value), 'unknownOption', `"${value}" is not a value of "${shape.path}"`);
  }
  for (const value of known) {
    if (getOwn(labels, value) === undefined) problems.add(pointerOf('options', shape.path), 'missingOption', `no label for the value "${value}"`);
  }
}
