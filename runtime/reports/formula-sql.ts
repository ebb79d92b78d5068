import { sql, type RawBuilder } from 'kysely';
import type { FormulaConditionNode, FormulaNode } from '../../engine/reports/index.js';
import type { ConditionContext } from './condition-sql.js';
import { fieldSql } from './field-sql.js';

const DAY_MS = 86_400_000;

/**
 * The SQL of a filter formula (engine/reports planFormula). Every value, and today, is a bound
 * parameter; field names come from the checked plan as field-sql writes them. Blanks read as the
 * formula language reads them: 0 next to numbers, "" next to texts and dates, FALSE as a condition.
 */
export function formulaConditionSql(node: FormulaConditionNode, context: ConditionContext): RawBuilder<unknown> {
  return sql`coalesce(${formulaSql(node.formula, context)}, false)`;
}

function formulaSql(node: FormulaNode, context: ConditionContext): RawBuilder<unknown> {
  switch (node.kind) {
    case 'FormulaValue':
      if (node.type === 'number') return sql`${node.value}::numeric`;
      if (node.type === 'boolean') return sql`${node.value}::boolean`;
      return sql`${node.value}::text`;
    case 'FormulaField': {
      const field = fieldSql(node.field);
      if (node.type === 'number') return sql`coalesce(${field}, 0)`;
      if (node.type === 'boolean') return sql`coalesce(${field}, false)`;
      return sql`coalesce(${field}, '')`;
    }
    case 'FormulaToday':
      return sql`${shiftDay(context.today, node.days)}::text`;
    case 'FormulaArithmetic': {
      const left = formulaSql(node.left, context);
      const right = formulaSql(node.right, context);
      if (node.op === '+') return sql`(${left} + ${right})`;
      if (node.op === '-') return sql`(${left} - ${right})`;
      return sql`(${left} * ${right})`;
    }
    case 'FormulaNegate':
      return sql`(- ${formulaSql(node.operand, context)})`;
    case 'FormulaCompare': {
      let left = formulaSql(node.left, context);
      const right = formulaSql(node.right, context);
      // Texts order by code point, as the formula engine orders them, on every database locale.
      if (node.left.type !== 'number' && node.left.type !== 'boolean') left = sql`${left} collate "C"`;
      const op = node.op === '=' ? sql`=` : node.op === '<>' ? sql`<>` : node.op === '<' ? sql`<` : node.op === '<=' ? sql`<=` : node.op === '>' ? sql`>` : sql`>=`;
      return sql`(${left} ${op} ${right})`;
    }
    case 'FormulaLogic':
      return sql`(${sql.join(
        node.args.map((arg) => sql`coalesce(${formulaSql(arg, context)}, false)`),
        node.op === 'AND' ? sql` and ` : sql` or `,
      )})`;
    case 'FormulaNot':
      return sql`(not coalesce(${formulaSql(node.operand, context)}, false))`;
    case 'FormulaBlank': {
      const operand = node.operand;
      if (operand.kind !== 'FormulaField') return sql`false`;
      const field = fieldSql(operand.field);
      return operand.type === 'text' || operand.type === 'date' ? sql`(coalesce(${field}, '') = '')` : sql`(${field} is null)`;
    }
  }
}

/** A Shanghai day 'YYYY-MM-DD' moved by whole days. */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
