import type { FormDefinition, ReportCondition, ReportDefinition } from '../definitions/index.js';
import { OrdoError, type FieldError } from '../errors/index.js';
import {
  ConditionNode,
  GroupNode,
  JoinNode,
  MeasureNode,
  ReportPlan,
  type OperandNode,
  type ValueType,
} from './report-nodes.js';
import { compileParameters, type ParametersSchema } from './report-parameters.js';
import { planFormula, type FormulaConditionNode } from './report-formula.js';
import type { ReportProblemCode } from './report-problem.js';
import { formulaFields, resolveField, subTableColumns, propertiesOf, type FieldScope, type ResolvedField } from './resolve-field.js';

const NUMERIC_AGGS = new Set(['sum', 'avg']);
const ORDERED: ReadonlySet<ValueType> = new Set(['number', 'date', 'timestamp', 'string']);

/**
 * Resolves a report definition against the forms it reads into an immutable plan, checking every
 * field, measure, parameter reference, sort key and chart key. Throws ORDO_ERR_DEFINITION_INVALID
 * with a pointer per problem.
 */
export function planReport(definition: ReportDefinition, forms: ReadonlyMap<string, FormDefinition>): ReportPlan {
  const problems: FieldError[] = [];
  const problem = (pointer: string, code: ReportProblemCode, message: string) => problems.push({ pointer, code, message });
  const source = definition.source;
  if ('form' in source) {
    const form = forms.get(source.form);
    if (form === undefined) problem('/source/form', 'unknownForm', `form "${source.form}" does not exist`);
    else if (source.lines !== undefined && subTableColumns(form, source.lines) === undefined) problem('/source/lines', 'notSubTable', `"${source.lines}" is not a sub-table of form ${source.form}`);
  }
  if (problems.length > 0) throw invalid(definition, problems);

  const parameterNames = new Set(Object.keys(definition.parameters?.properties ?? {}));
  try {
    compileParameters(definition.parameters as ParametersSchema | undefined);
  } catch (error) {
    if (!(error instanceof OrdoError)) throw error;
    problems.push(...error.fields.map((field) => ({ ...field, code: 'invalidParameters' })));
  }

  const scopeJoins: { as: string; form: string; via: readonly string[] }[] = [];
  const baseScope = (): FieldScope => ({ source, forms, joins: scopeJoins });
  const resolve = (ref: string, pointer: string): ResolvedField | undefined => {
    const resolved = resolveField(baseScope(), ref);
    if (typeof resolved === 'string') {
      problem(pointer, 'unknownField', resolved);
      return undefined;
    }
    return resolved;
  };

  const joins: JoinNode[] = [];
  (definition.joins ?? []).forEach((join, index) => {
    const at = `/joins/${index}`;
    if (!('form' in source)) return problem(at, 'joinNeedsForm', 'joins need a form source');
    if (scopeJoins.some((other) => other.as === join.as) || join.as === 'data' || join.as === 'line') return problem(`${at}/as`, 'joinNameTaken', `"${join.as}" is used twice or reserved`);
    const target = forms.get(join.form);
    if (target === undefined) return problem(`${at}/form`, 'unknownForm', `form "${join.form}" does not exist`);
    const field = resolve(join.field, `${at}/field`);
    if (field === undefined) return;
    if (field.node.kind !== 'JsonFieldNode' || field.node.table.kind === 'join') return problem(`${at}/field`, 'joinField', 'must be a data.<field> or line.<column> of the source');
    if (join.on !== undefined) {
      if (!Object.hasOwn(propertiesOf(target), join.on)) problem(`${at}/on`, 'unknownField', `"${join.on}" is not a field of form ${join.form}`);
    } else {
      const path = join.field.startsWith('line.') ? `${source.lines}.${field.node.key}` : field.node.key;
      const lookup = forms.get(source.form)?.lookups?.[path];
      if (lookup?.form !== join.form) problem(`${at}/field`, 'notLookup', `"${join.field}" is not a lookup into form ${join.form} (use "on" to match another field)`);
    }
    scopeJoins.push({ as: join.as, form: join.form, via: field.reads });
    joins.push(JoinNode.create({ index, as: join.as, form: join.form, field: field.node, on: join.on }));
  });

  const condition = (spec: ReportCondition, pointer: string): ConditionNode | undefined => {
    const field = resolve(spec.field, `${pointer}/field`);
    if (field === undefined) return undefined;
    const given = ['value', 'param', 'ref', 'today'].filter((key) => key in spec);
    const needsNone = spec.op === 'isNull' || spec.op === 'notNull';
    if (needsNone ? given.length > 0 : given.length !== 1) {
      problem(pointer, 'operandCount', needsNone ? `${spec.op} takes no value` : 'give exactly one of value, param, ref, today');
      return undefined;
    }
    let operand: OperandNode = { kind: 'NoOperand' };
    const reads = [...field.reads];
    if (spec.param !== undefined) {
      if (!parameterNames.has(spec.param)) problem(`${pointer}/param`, 'unknownParameter', `"${spec.param}" is not a declared parameter`);
      operand = { kind: 'ParamOperand', name: spec.param };
    } else if (spec.ref !== undefined) {
      const other = resolve(spec.ref, `${pointer}/ref`);
      if (other === undefined) return undefined;
      if (other.node.type !== field.node.type) problem(`${pointer}/ref`, 'fieldTypesDiffer', `compares a ${field.node.type} with a ${other.node.type}`);
      if (spec.op === 'in' || spec.op === 'between' || spec.op === 'contains') problem(`${pointer}/op`, 'opNotAllowed', `${spec.op} cannot compare two fields`);
      reads.push(...other.reads);
      operand = { kind: 'FieldOperand', field: other.node };
    } else if (spec.today === true) {
      if (field.node.type !== 'date' && field.node.type !== 'timestamp') problem(`${pointer}/today`, 'todayNotDate', 'today compares with date fields only');
      operand = { kind: 'TodayOperand' };
    } else if ('value' in spec) {
      const message = valueProblem(spec.op, field.node.type, spec.value);
      if (message !== undefined) problem(`${pointer}/value`, 'valueType', message);
      operand = { kind: 'ValueOperand', value: spec.value };
    }
    if (spec.op === 'contains' && field.node.type !== 'string') problem(`${pointer}/op`, 'opNotAllowed', 'contains needs a text field');
    if (['lt', 'lte', 'gt', 'gte', 'between'].includes(spec.op) && field.node.type === 'boolean') problem(`${pointer}/op`, 'opNotAllowed', `${spec.op} cannot order true and false`);
    return ConditionNode.create(field.node, spec.op, operand, reads);
  };

  const filters = (definition.filters ?? []).flatMap((spec, index): (ConditionNode | FormulaConditionNode)[] => {
    if (!('formula' in spec)) return [condition(spec, `/filters/${index}`) ?? []].flat();
    const planned = planFormula(spec.formula, formulaFields(baseScope()));
    if (planned.kind === 'FormulaConditionNode') return [planned];
    problem(`/filters/${index}/formula`, planned.code, planned.message);
    return [];
  });

  const keys = new Map<string, string>();
  const claim = (key: string, pointer: string) => {
    const first = keys.get(key);
    if (first !== undefined) problem(pointer, 'keyTaken', `"${key}" is already used at ${first}`);
    else keys.set(key, pointer);
  };

  const groups = (definition.groupBy ?? []).flatMap((group, index) => {
    const at = `/groupBy/${index}`;
    claim(group.as, `${at}/as`);
    const field = resolve(group.field, `${at}/field`);
    if (field === undefined) return [];
    if (group.bucket !== undefined && field.node.type !== 'date' && field.node.type !== 'timestamp') problem(`${at}/bucket`, 'bucketNotDate', 'date buckets need a date field');
    return [GroupNode.create(group.as, field.node, group.bucket, field.reads, field.labels)];
  });

  const measures = definition.measures.flatMap((measure, index) => {
    const at = `/measures/${index}`;
    claim(measure.id, `${at}/id`);
    const field = measure.field === undefined ? undefined : resolve(measure.field, `${at}/field`);
    const times = measure.times === undefined ? undefined : resolve(measure.times, `${at}/times`);
    const where = (measure.where ?? []).flatMap((spec, whereIndex) => condition(spec, `${at}/where/${whereIndex}`) ?? []);
    const fieldType = field?.node.type;
    if (measure.field === undefined && measure.agg !== 'count' && measure.agg !== 'ratio') problem(`${at}/field`, 'measureNeedsField', `${measure.agg} needs a field`);
    if (fieldType !== undefined && (NUMERIC_AGGS.has(measure.agg) || measure.agg === 'ratio') && fieldType !== 'number') problem(`${at}/field`, 'measureNotNumber', `${measure.agg} needs a number field`);
    if (fieldType !== undefined && (measure.agg === 'min' || measure.agg === 'max') && !ORDERED.has(fieldType)) problem(`${at}/field`, 'measureNotOrdered', `${measure.agg} needs a number, date or text field`);
    if (measure.times !== undefined && (measure.agg !== 'sum' || times?.node.type !== 'number')) problem(`${at}/times`, 'timesInvalid', 'times multiplies a sum by a number field');
    if (measure.agg === 'ratio' && (measure.where ?? []).length === 0) problem(`${at}/where`, 'ratioNeedsWhere', 'a ratio needs the conditions of its numerator');
    const type: ValueType = measure.agg === 'min' || measure.agg === 'max' ? (fieldType ?? 'number') : 'number';
    return [
      MeasureNode.create({
        key: measure.id,
        agg: measure.agg,
        field: field?.node,
        times: times?.node,
        where,
        reads: [...(field?.reads ?? []), ...(times?.reads ?? []), ...where.flatMap((node) => node.reads)],
        type,
      }),
    ];
  });

  const sort = (definition.sort ?? []).map((spec, index) => {
    if (!keys.has(spec.by)) problem(`/sort/${index}/by`, 'unknownKey', `"${spec.by}" is neither a group's "as" nor a measure's "id"`);
    return { kind: 'SortNode' as const, key: spec.by, dir: spec.dir ?? 'asc' };
  });
  const chart = definition.chart;
  for (const [key, pointer] of [
    ...(chart.x === undefined ? [] : [[chart.x, '/chart/x'] as const]),
    ...(chart.series === undefined ? [] : [[chart.series, '/chart/series'] as const]),
    ...(chart.y ?? []).map((y, index) => [y, `/chart/y/${index}`] as const),
  ]) {
    if (!keys.has(key)) problem(pointer, 'unknownKey', `"${key}" is neither a group's "as" nor a measure's "id"`);
  }
  if (definition.drill !== undefined) checkDrill(definition, forms, problem);
  if (problems.length > 0) throw invalid(definition, problems);
  return ReportPlan.create({ report: definition.id, source: planSource(definition), joins, filters, groups, measures, sort, limit: definition.limit });
}

function planSource(definition: ReportDefinition): ReportPlan['source'] {
  const source = definition.source;
  if ('workflow' in source) return Object.freeze({ kind: 'WorkflowSourceNode', table: source.workflow, definition: source.definition });
  if ('planRun' in source) return Object.freeze({ kind: 'PlanRunSourceNode', entries: source.planRun });
  return Object.freeze({ kind: 'FormSourceNode', form: source.form, lines: source.lines });
}

function checkDrill(definition: ReportDefinition, forms: ReadonlyMap<string, FormDefinition>, problem: (pointer: string, code: ReportProblemCode, message: string) => void): void {
  const drill = definition.drill!;
  const source = definition.source;
  const candidates = ['form' in source ? source.form : undefined, ...(definition.joins ?? []).map((join) => join.form)];
  if (!candidates.includes(drill.form)) return problem('/drill/form', 'drillForm', 'must be the source form or a joined form');
  const form = forms.get(drill.form);
  if (form === undefined) return;
  drill.fields.forEach((field, index) => {
    if (!Object.hasOwn(propertiesOf(form), field)) problem(`/drill/fields/${index}`, 'drillField', `"${field}" is not a field of form ${drill.form}`);
  });
}

function valueProblem(op: string, type: ValueType, value: unknown): string | undefined {
  const scalarOk = (item: unknown) => (type === 'number' ? typeof item === 'number' : type === 'boolean' ? typeof item === 'boolean' : typeof item === 'string');
  if (op === 'in') return Array.isArray(value) && value.length > 0 && value.every(scalarOk) ? undefined : `in needs a non-empty list of ${type} values`;
  if (op === 'between') return Array.isArray(value) && value.length === 2 && value.every(scalarOk) ? undefined : `between needs [low, high] ${type} values`;
  return scalarOk(value) ? undefined : `needs a ${type} value`;
}

function invalid(definition: ReportDefinition, fields: FieldError[]): OrdoError {
  return new OrdoError('ORDO_ERR_DEFINITION_INVALID', `Report ${definition.id} is not valid: ${fields.map((field) => `${field.pointer}: ${field.message}`).join('; ')}`, { fields });
}

