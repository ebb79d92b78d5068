export { applySuggestion, complete, type Completion, type Suggestion } from './completion.js';
export { diagnoseFormula, markedSegments, type FormulaReport } from './diagnose.js';
export { FormulaEditor, useTypeName, type FormulaEditorProps } from './formula-editor.js';
export { localizeProblem } from './localize-problem.js';
export { expectedType, formulaScope, scalarOf, type FormulaExpectation, type FormulaField } from './formula-scope.js';
export { signatureAt, type SignatureHelp } from './signature-help.js';
