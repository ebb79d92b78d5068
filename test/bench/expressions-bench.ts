/**
 * `npm run bench:expressions`: cost per evaluation of compiled formulas, each next to the same
 * computation written by hand in JavaScript in the same run (the ceiling), as in
 * lowcode-anchors.md section 3.3. Prints a markdown table for BENCHMARKS.md.
 */
import { compileExpression, type EvaluationContext } from '../../engine/expressions/index.js';

const RUNS = 5;
const COUNT = 200_000;

function microseconds(evaluate: () => unknown): number {
  for (let i = 0; i < 20_000; i++) evaluate();
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < COUNT; i++) evaluate();
    runs.push(Number(process.hrtime.bigint() - started) / 1000 / COUNT);
  }
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

interface Case {
  label: string;
  source: string;
  context: EvaluationContext;
  /** The same computation in plain JavaScript floats, reading the same context (so V8 cannot fold it away). */
  byHand: (context: EvaluationContext) => unknown;
}

const lines = Array.from({ length: 20 }, (_, i) => ({ qty: i + 1, price: 12.5 + i * 0.35 }));
const integerLines = Array.from({ length: 20 }, (_, i) => ({ qty: i + 1, price: 12 + i }));
type Row = { qty: number; price: number };
const field = (context: EvaluationContext, name: string): number => context.fields[name] as number;
const rowsOf = (context: EvaluationContext): Row[] => context.fields['lines'] as Row[];
const sumProduct = (context: EvaluationContext) => rowsOf(context).reduce((sum, row) => sum + row.qty * row.price, 0);

const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const cases: Case[] = [
  {
    label: 'guard `amount > 50000 AND tier = "A"`',
    source: 'amount > 50000 AND tier = "A"',
    context: { fields: { amount: 60000, tier: 'A' } },
    byHand: (c) => field(c, 'amount') > 50000 && c.fields['tier'] === 'A',
  },
  { label: '20-line SUMPRODUCT, decimal prices', source: 'SUMPRODUCT(lines.qty, lines.price)', context: { fields: { lines } }, byHand: sumProduct },
  { label: '20-line SUMPRODUCT, integer prices', source: 'SUMPRODUCT(lines.qty, lines.price)', context: { fields: { lines: integerLines } }, byHand: sumProduct },
  { label: '20-line SUM', source: 'SUM(lines.price)', context: { fields: { lines } }, byHand: (c) => rowsOf(c).reduce((sum, row) => sum + row.price, 0) },
  {
    label: 'line formula `qty * price * (1 - discount)`',
    source: 'qty * price * (1 - discount)',
    context: { fields: { discount: 0.05 }, row: { qty: 3, price: 12.35 } },
    byHand: (c) => (c.row?.['qty'] as number) * (c.row?.['price'] as number) * (1 - field(c, 'discount')),
  },
  {
    label: 'IF + ROUND + TEXT',
    source: 'IF(amount > 1000, TEXT(ROUND(amount * 1.13, 2), "#,##0.00"), "-")',
    context: { fields: { amount: 12345.678 } },
    byHand: (c) => (field(c, 'amount') > 1000 ? money.format(Math.round(field(c, 'amount') * 1.13 * 100) / 100) : '-'),
  },
];

console.log(`median of ${RUNS} runs x ${COUNT} evaluations, node ${process.version}\n`);
console.log('| formula | Ordo µs/eval | hand-written JS µs/eval | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const item of cases) {
  const compiled = compileExpression(item.source);
  const ordo = microseconds(() => compiled.evaluate(item.context));
  const baseline = microseconds(() => item.byHand(item.context));
  console.log(`| ${item.label} | ${ordo.toFixed(3)} | ${baseline.toFixed(3)} | ${(ordo / baseline).toFixed(1)}x |`);
}
