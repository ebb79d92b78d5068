import { FieldNode, type ExpressionNode } from '../nodes/index.js';
import type { ParamType, ScalarType } from '../types.js';

/**
 * What the checker knows about a part of a formula. `blank` is the literal "" (fits anywhere, as
 * blank does at runtime); `error` marks a part already reported, so one mistake is reported once.
 */
export type CheckedType =
  | { readonly kind: 'scalar'; readonly type: ScalarType | 'blank' }
  | { readonly kind: 'list'; readonly of: ScalarType }
  | { readonly kind: 'error' };

export const ERROR_TYPE: CheckedType = Object.freeze({ kind: 'error' });

export function scalar(type: ScalarType | 'blank'): CheckedType {
  return { kind: 'scalar', type };
}

export function isTemporal(type: ScalarType | 'blank'): boolean {
  return type === 'date' || type === 'datetime';
}

/** Whether a scalar of `actual` type can be used where `wanted` is expected. */
export function fits(actual: ScalarType | 'blank', wanted: ScalarType): boolean {
  if (actual === 'any' || actual === 'blank' || wanted === 'any' || actual === wanted) return true;
  if (wanted === 'text') return actual === 'number' || isTemporal(actual);
  return isTemporal(wanted) && isTemporal(actual);
}

const ELEMENT: Readonly<Record<'numbers' | 'booleans' | 'dates', ScalarType>> = {
  numbers: 'number',
  booleans: 'boolean',
  dates: 'date',
};

/** Whether an argument of type `actual` fits a parameter of type `param`. */
export function fitsParam(actual: CheckedType, param: ParamType): boolean {
  if (actual.kind === 'error') return true;
  if (param === 'values') return true;
  if (param === 'numbers' || param === 'booleans' || param === 'dates') {
    return fits(actual.kind === 'list' ? actual.of : actual.type, ELEMENT[param]);
  }
  return actual.kind === 'scalar' && fits(actual.type, param);
}

/** The type two branches of IF/IFS/IFERROR share, or null when they do not fit together. */
export function unify(a: CheckedType, b: CheckedType): CheckedType | null {
  if (a.kind === 'error' || b.kind === 'error') return ERROR_TYPE;
  if (a.kind === 'list' || b.kind === 'list') return null;
  if (a.type === 'blank') return b;
  if (b.type === 'blank' || a.type === b.type) return a;
  if (a.type === 'any' || b.type === 'any') return scalar('any');
  if (isTemporal(a.type) && isTemporal(b.type)) return scalar('datetime');
  return null;
}

export function typeName(type: CheckedType): string {
  switch (type.kind) {
    case 'error':
      return 'an invalid value';
    case 'list':
      return `a list of ${type.of === 'any' ? 'values' : type.of}`;
    case 'scalar':
      return type.type === 'blank' ? 'blank' : type.type === 'boolean' ? 'TRUE/FALSE' : type.type;
  }
}

export function paramTypeName(type: ParamType): string {
  switch (type) {
    case 'numbers':
      return 'numbers (a number or a number column)';
    case 'booleans':
      return 'TRUE/FALSE values';
    case 'dates':
      return 'dates (a date or a date column)';
    case 'values':
      return 'values';
    case 'boolean':
      return 'TRUE/FALSE';
    case 'any':
      return 'a value';
    default:
      return `a ${type}`;
  }
}

/** Names the part of the formula in a message: the field, the function's result or the value. */
export function describeNode(node: ExpressionNode, type: CheckedType): string {
  if (FieldNode.is(node)) return `field ${FieldNode.path(node)} (${typeName(type)})`;
  if (node.kind === 'CallNode') return `${node.name}(...) (${typeName(type)})`;
  if (node.kind === 'TextNode') return `the text ${JSON.stringify(node.value)}`;
  return typeName(type);
}
