import { isOrdoError } from '../../errors/index.js';
import {
  checkExpression,
  compileExpression,
  type CompiledExpression,
  type FieldScope,
  type ScalarType,
} from '../../expressions/index.js';
import type { DefinitionProblems } from './definition-problems.js';

/**
 * Type-checks a formula against the fields in scope and compiles it; every diagnostic becomes a
 * definition problem at `pointer`, with the line and column inside the formula.
 */
export function compileFormula(
  source: string,
  scope: FieldScope,
  expect: ScalarType,
  pointer: string,
  problems: DefinitionProblems,
): CompiledExpression | undefined {
  try {
    const diagnostics = checkExpression(source, scope, { expect });
    for (const diagnostic of diagnostics) {
      problems.add(
        pointer,
        'formula',
        `${diagnostic.message} (formula line ${diagnostic.line}, column ${diagnostic.column})`,
      );
    }
    if (diagnostics.length > 0) return undefined;
    return compileExpression(source);
  } catch (error) {
    if (!isOrdoError(error)) throw error;
    problems.add(pointer, 'formula', error.message);
    return undefined;
  }
}
