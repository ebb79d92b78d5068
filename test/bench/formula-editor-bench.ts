/**
 * `npm run bench:formula-editor`: the work the formula editor does per keystroke (suggestions,
 * function help, the checker with the result type) on a large form, next to checkExpression alone
 * (what publishing runs for the formula) in the same run. Prints a markdown table for BENCHMARKS.md.
 */
import { checkExpression } from '../../engine/expressions/index.js';
import { applySuggestion, complete } from '../../designer/src/formula-editor/completion.js';
import { diagnoseFormula } from '../../designer/src/formula-editor/diagnose.js';
import { formulaScope, type FormulaField } from '../../designer/src/formula-editor/formula-scope.js';
import { signatureAt } from '../../designer/src/formula-editor/signature-help.js';

const RUNS = 5;
const COUNT = 2_000;
const TYPES = ['number', 'text', 'date', 'yesNo', 'money'];

/** 200 header fields and a 50-column sub-table, as in the large-form measurements. */
const fields: FormulaField[] = [
  ...Array.from({ length: 200 }, (_, i) => ({ name: `field${i}`, label: `字段${i}`, type: TYPES[i % TYPES.length]! })),
  { name: 'lines', label: '明细', type: 'table' },
  ...Array.from({ length: 50 }, (_, i) => ({ name: `lines.col${i}`, label: `明细列${i}`, type: TYPES[i % TYPES.length]! })),
];
const FORMULA = 'IF(AND(field0 > 10, field5 < 100), ROUND(SUMPRODUCT(lines.col0, lines.col5) * (1 - field10), 2), 0)';

function microseconds(work: () => unknown): number {
  for (let i = 0; i < 200; i++) work();
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < COUNT; i++) work();
    runs.push(Number(process.hrtime.bigint() - started) / 1000 / COUNT);
  }
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** One keystroke at every position of the formula in turn, as typing it would. */
function keystrokes(work: (text: string, cursor: number) => unknown): () => void {
  let at = 1;
  return () => {
    work(FORMULA.slice(0, at), at);
    at = at >= FORMULA.length ? 1 : at + 1;
  };
}

const scope = formulaScope(fields);
const checkOnly = microseconds(keystrokes((text) => checkExpression(text, scope)));
const editor = microseconds(
  keystrokes((text, cursor) => {
    const completion = complete(text, cursor, fields);
    if (completion !== null && completion.items[0] !== undefined) applySuggestion(text, completion, completion.items[0]);
    signatureAt(text, cursor);
    return diagnoseFormula(text, fields);
  }),
);

console.log(`median of ${RUNS} runs x ${COUNT} keystrokes over a ${FORMULA.length}-character formula, ${fields.length} fields, node ${process.version}\n`);
console.log('| per keystroke | µs | ratio to checkExpression |');
console.log('| --- | ---: | ---: |');
console.log(`| checkExpression (the baseline: what publishing runs) | ${checkOnly.toFixed(1)} | 1.0x |`);
console.log(`| editor: suggestions + function help + checker with result type | ${editor.toFixed(1)} | ${(editor / checkOnly).toFixed(1)}x |`);
