import type { EvaluationState } from '../runtime/index.js';
import type { FunctionDoc, Value } from '../types.js';

/** A compiled part of a formula: computes its value from the evaluation state. */
export type Evaluator = (state: EvaluationState) => Value;

/**
 * Most functions get their arguments computed; lazy ones (IF, IFS, IFERROR, AND, OR) get the
 * evaluators and compute only what they need, so `IF(b = 0, 0, a / b)` never divides by zero.
 */
export type FunctionImplementation =
  | { readonly lazy: false; readonly call: (args: readonly Value[], state: EvaluationState) => Value }
  | { readonly lazy: true; readonly call: (args: readonly Evaluator[], state: EvaluationState) => Value };

export interface FunctionDefinition {
  readonly doc: FunctionDoc;
  readonly implementation: FunctionImplementation;
}

function freezeDoc(doc: FunctionDoc): FunctionDoc {
  return Object.freeze({
    ...doc,
    params: Object.freeze(doc.params.map((param) => Object.freeze({ ...param }))),
    help: Object.freeze({ ...doc.help }),
    example: Object.freeze({ ...doc.example }),
  });
}

export function defineFunction(
  doc: FunctionDoc,
  call: (args: readonly Value[], state: EvaluationState) => Value,
): FunctionDefinition {
  return Object.freeze({ doc: freezeDoc(doc), implementation: Object.freeze({ lazy: false, call }) });
}

export function defineLazyFunction(
  doc: FunctionDoc,
  call: (args: readonly Evaluator[], state: EvaluationState) => Value,
): FunctionDefinition {
  return Object.freeze({ doc: freezeDoc(doc), implementation: Object.freeze({ lazy: true, call }) });
}

/** The i-th argument, blank when an optional one was left out. */
export function arg(args: readonly Value[], index: number): Value {
  return args[index] ?? null;
}

/** How many arguments a function takes, derived from its parameters. */
export function arity(doc: FunctionDoc): { min: number; max: number; group: number } {
  const fixed = doc.params.filter((param) => param.repeated !== true);
  const group = doc.params.length - fixed.length;
  const required = fixed.filter((param) => param.optional !== true).length;
  return group === 0
    ? { min: required, max: fixed.length, group }
    : { min: fixed.length + group, max: Number.POSITIVE_INFINITY, group };
}

export function acceptsArgumentCount(doc: FunctionDoc, count: number): boolean {
  const { min, max, group } = arity(doc);
  if (count < min || count > max) return false;
  return group === 0 || (count - (doc.params.length - group)) % group === 0;
}

/** The parameter an argument position binds to (repeated groups cycle). */
export function paramAt(doc: FunctionDoc, index: number): FunctionDoc['params'][number] | undefined {
  const fixedCount = doc.params.filter((param) => param.repeated !== true).length;
  if (index < fixedCount) return doc.params[index];
  const group = doc.params.length - fixedCount;
  return group === 0 ? undefined : doc.params[fixedCount + ((index - fixedCount) % group)];
}
