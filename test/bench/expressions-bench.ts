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
  byHand: () => unknown;
}

const lines = Array.from({ length: 20 }, (_, i) => ({ qty: i + 1, price: 12.5 + i * 0.35 }));
const integerLines = Array.from({ length: 20 }, (_, i) => ({ qty: i + 1, price: 12 + i }));
const sumProduct = (rows: { qty: number; price: number }[]) => () => rows.reduce((sum, row) => sum + row.qty * row.price, 0);

const cases: Case[] = [
  {
    label: 'guard `amount > 50000 AND tier = "A"`',
    source: 'amount > 50000 AND tier = "A"',
    context: { fields: { amount: 60000, tier: 'A' } },
    byHand: () => { const f = { amount: 60000, tier: 'A' }; return f.amount > 50000 && f.tier === 'A'; },
  },
  { label: '20-line SUMPRODUCT, decimal prices', source: 'SUMPRODUCT(lines.qty, lines.price)', context: { fields: { lines } }, byHand: sumProduct(lines) },
  { label: '20-line SUMPRODUCT, integer prices', source: 'SUMPRODUCT(lines.qty, lines.price)', context: { fields: { lines: integerLines } }, byHand: sumProduct(integerLines) },
  { label: '20-line SUM', source: 'SUM(lines.price)', context: { fields: { lines } }, byHand: () => lines.reduce((sum, row) => sum + row.price, 0) },
  {
    label: 'line formula `qty * price * (1 - discount)`',
    source: 'qty * price * (1 - discount)',
    context: { fields: { discount: 0.05 }, row: { qty: 3, price: 12.35 } },
    byHand: () => 3 * 12.35 * (1 - 0.05),
  },
  {
    label: 'IF + ROUND + TEXT',
    source: 'IF(amount > 1000, TEXT(ROUND(amount * 1.13, 2), "#,##0.00"), "-")',
    context: { fields: { amount: 12345.678 } },
    byHand: () => (12345.678 > 1000 ? (Math.round(12345.678 * 1.13 * 100) / 100).toLocaleString('en', { minimumFractionDigits: 2 }) : '-'),
  },
];

console.log(`median of ${RUNS} runs x ${COUNT} evaluations, node ${process.version}\n`);
console.log('| formula | Ordo µs/eval | hand-written JS µs/eval | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const item of cases) {
  const compiled = compileExpression(item.source);
  const ordo = microseconds(() => compiled.evaluate(item.context));
  const baseline = microseconds(item.byHand);
  console.log(`| ${item.label} | ${ordo.toFixed(3)} | ${baseline.toFixed(3)} | ${(ordo / baseline).toFixed(1)}x |`);
}
