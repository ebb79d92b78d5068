import { analyzeExpression, type ExpressionDiagnostic, type ScalarType } from '../../../engine/expressions/index.js';
import { expectedType, formulaScope, type FormulaExpectation, type FormulaField } from './formula-scope.js';

export interface FormulaReport {
  diagnostics: readonly ExpressionDiagnostic[];
  /** Null while the formula is empty or has a problem. */
  resultType: ScalarType | 'list' | null;
}

const EMPTY: FormulaReport = { diagnostics: [], resultType: null };

/** The runtime's own checker over the formula, with the form's field types. An empty formula is no problem here: the caller decides whether one is needed. */
export function diagnoseFormula(source: string, fields: readonly FormulaField[], expect?: FormulaExpectation): FormulaReport {
  if (source.trim() === '') return EMPTY;
  const expectation = expectedType(expect);
  return analyzeExpression(source, formulaScope(fields), expectation === undefined ? {} : { expect: expectation });
}

/** The formula cut into plain and marked parts, for the underline layer under the text box. */
export function markedSegments(source: string, diagnostics: readonly ExpressionDiagnostic[]): { text: string; marked: boolean }[] {
  const marks = new Array<boolean>(source.length + 1).fill(false);
  for (const problem of diagnostics) {
    const start = Math.min(problem.offset, source.length);
    const end = Math.min(source.length + 1, start + Math.max(problem.length, 1));
    for (let i = start; i < end; i++) marks[i] = true;
  }
  const segments: { text: string; marked: boolean }[] = [];
  // One extra position past the end shows a problem there ("expected a value") as a marked space.
  const padded = `${source} `;
  for (let i = 0; i < padded.length; i++) {
    const marked = marks[i] === true;
    const last = segments[segments.length - 1];
    if (last !== undefined && last.marked === marked) last.text += padded[i];
    else segments.push({ text: padded[i] as string, marked });
  }
  return segments;
}
