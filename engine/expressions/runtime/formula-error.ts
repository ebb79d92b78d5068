import { OrdoError, isOrdoError } from '../../errors/index.js';
import type { SourceSpan } from '../nodes/index.js';

/** The Excel error value a runtime failure corresponds to, kept in `extra.error`. */
export type ErrorValue = '#DIV/0!' | '#VALUE!' | '#NUM!' | '#N/A';

/**
 * A formula failed while computing (division by zero, text that is not a number, ...). Thrown as
 * an OrdoError rather than returned as an error value so that a failing formula cannot be stored
 * as data; IFERROR catches it.
 */
export function formulaError(error: ErrorValue, message: string): OrdoError {
  return new OrdoError('ORDO_ERR_EXPRESSION_RUNTIME', message, { extra: { error } });
}

export function isFormulaError(error: unknown): error is OrdoError {
  return isOrdoError(error) && error.code === 'ORDO_ERR_EXPRESSION_RUNTIME';
}

/** Adds the position of the failing part of the formula, unless an inner part already did. */
export function locateError(error: unknown, span: SourceSpan, what: string): OrdoError {
  if (isOrdoError(error)) {
    if (error.code !== 'ORDO_ERR_EXPRESSION_RUNTIME' || typeof error.extra.offset === 'number') {
      return error;
    }
    return new OrdoError(error.code, error.message, {
      extra: { ...error.extra, offset: span.offset, length: span.length },
    });
  }
  // Not a formula's own failure, so IFERROR must not swallow it: a string or stack that outgrew the
  // engine is the budget's business, anything else a bug.
  const code = error instanceof RangeError ? 'ORDO_ERR_EXPRESSION_BUDGET' : 'ORDO_ERR_INTERNAL';
  return new OrdoError(code, `${what} failed`, { extra: { offset: span.offset, length: span.length }, cause: error });
}
