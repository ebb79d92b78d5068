/**
 * Cost per evaluation after compiling once, by hand (not a timed test):
 *   npx tsx test/engine/expressions/evaluation-bench.ts
 * Same two formulas as lowcode-anchors.md section 3.3: a guard and a 20-line total.
 */
import { compileExpression, type EvaluationContext } from '../../../engine/expressions/index.js';

function measure(label: string, source: string, context: EvaluationContext): void {
  const compiled = compileExpression(source);
  for (let i = 0; i < 20_000; i++) compiled.evaluate(context);
  const runs: number[] = [];
  for (let run = 0; run < 4; run++) {
    const count = 200_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < count; i++) compiled.evaluate(context);
    runs.push(Number(process.hrtime.bigint() - started) / 1000 / count);
  }
  const range = `${Math.min(...runs).toFixed(2)}-${Math.max(...runs).toFixed(2)}`;
  console.log(`${label.padEnd(34)} ${range} µs/eval  (${String(compiled.evaluate(context))})`);
}

const lines = Array.from({ length: 20 }, (_, i) => ({ qty: i + 1, price: 12.5 + i * 0.35 }));
const integerLines = Array.from({ length: 20 }, (_, i) => ({ qty: i + 1, price: 12 + i }));

measure('guard', 'amount > 50000 AND tier = "A"', { fields: { amount: 60000, tier: 'A' } });
measure('20-line SUMPRODUCT, decimal prices', 'SUMPRODUCT(lines.qty, lines.price)', { fields: { lines } });
measure('20-line SUMPRODUCT, integer prices', 'SUMPRODUCT(lines.qty, lines.price)', { fields: { lines: integerLines } });
measure('20-line SUM', 'SUM(lines.price)', { fields: { lines } });
measure('line formula qty * price * (1 - d)', 'qty * price * (1 - discount)', { fields: { discount: 0.05 }, row: { qty: 3, price: 12.35 } });
measure('IF + ROUND + TEXT', 'IF(amount > 1000, TEXT(ROUND(amount * 1.13, 2), "#,##0.00"), "-")', { fields: { amount: 12345.678 } });
