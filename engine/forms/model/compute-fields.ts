import type { CompiledExpression, EvaluationContext, Value } from '../../expressions/index.js';
import type { FieldNode, FormModel } from './form-model.js';
import { getOwn, isPlainObject, pointerOf, type JsonObject } from './json-data.js';

export interface FormulaFailure {
  /** Data pointer of the computed slot. */
  readonly pointer: string;
  readonly path: string;
  readonly message: string;
}

type Outcome = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly message: string };

/** Runs a formula on untrusted data; any failure (bad data, budget, a bug) is an outcome, never a throw. */
export function runFormula(formula: CompiledExpression, context: EvaluationContext, now: Date | undefined): Outcome {
  try {
    return { ok: true, value: formula.evaluate(context, now === undefined ? {} : { now }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The value to store for a formula result, fitted to the field's JSON type; undefined means absent. */
/** Half of a UTF-16 pair on its own: no valid text, and PostgreSQL refuses to store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function storedValue(node: FieldNode, value: Value): unknown {
  if (value === null) return undefined;
  switch (node.jsonType) {
    case 'number':
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'string':
      if (typeof value === 'string') return (value === '' && node.format !== undefined) || LONE_SURROGATE.test(value) ? undefined : value;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    default:
      return typeof value === 'number' && !Number.isFinite(value) ? undefined : value;
  }
}

function store(holder: JsonObject, node: FieldNode, value: unknown): void {
  if (value === undefined) delete holder[node.name];
  else holder[node.name] = value;
}

/**
 * Evaluates every computed field in dependency order, replacing whatever the data held. A column's
 * formula runs once per line with that line as `row`. Failed formulas leave the field empty.
 */
export function computeFields(model: FormModel, data: JsonObject, now: Date | undefined): FormulaFailure[] {
  const failures: FormulaFailure[] = [];
  for (const node of model.computedOrder) {
    const formula = node.formula;
    if (formula === undefined) continue;
    if (node.subTable === undefined) {
      const outcome = runFormula(formula, { fields: data }, now);
      store(data, node, outcome.ok ? storedValue(node, outcome.value) : undefined);
      if (!outcome.ok) failures.push({ pointer: pointerOf(node.name), path: node.path, message: outcome.message });
      continue;
    }
    const lines = getOwn(data, node.subTable);
    if (!Array.isArray(lines)) continue;
    lines.forEach((line: unknown, index) => {
      if (!isPlainObject(line)) return;
      const outcome = runFormula(formula, { fields: data, row: line }, now);
      store(line, node, outcome.ok ? storedValue(node, outcome.value) : undefined);
      if (!outcome.ok) {
        failures.push({ pointer: pointerOf(node.subTable ?? '', index, node.name), path: node.path, message: outcome.message });
      }
    });
  }
  return failures;
}
