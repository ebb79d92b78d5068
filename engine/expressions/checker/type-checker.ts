import { diagnostic } from '../diagnostics.js';
import { FUNCTION_TABLE, acceptsArgumentCount, arity, paramAt } from '../functions/index.js';
import {
  FieldNode,
  SourceSpan,
  type BinaryNode,
  type CallNode,
  type ExpressionNode,
  type UnaryNode,
} from '../nodes/index.js';
import { isComparison } from '../operators.js';
import { parseTemporal } from '../runtime/index.js';
import type { ExpressionDiagnostic, FieldScope, FieldType, ScalarType } from '../types.js';
import {
  ERROR_TYPE,
  describeNode,
  fitsParam,
  isTemporal,
  paramTypeName,
  scalar,
  typeName,
  unify,
  type CheckedType,
} from './checked-type.js';

/**
 * Type-checks a parsed formula against the form's fields, the way 简道云 does: text and numbers
 * do not mix in arithmetic, conditions must be TRUE/FALSE, and every field and argument count
 * is checked. Reports every problem it finds; a part already reported is not reported again.
 */
export function checkTypes(source: string, node: ExpressionNode, scope: FieldScope, expect?: ScalarType): ExpressionDiagnostic[] {
  return inferTypes(source, node, scope, expect).diagnostics;
}

/** Like checkTypes, and also the type of the result (`error` when a problem hides it). */
export function inferTypes(
  source: string,
  node: ExpressionNode,
  scope: FieldScope,
  expect?: ScalarType,
): { diagnostics: ExpressionDiagnostic[]; type: CheckedType } {
  const checker = new TypeChecker(source, scope);
  const type = checker.check(node);
  checker.expectResult(node, type, expect);
  return { diagnostics: checker.diagnostics, type };
}

function lookup(scope: FieldScope, name: string): FieldType | undefined {
  return Object.hasOwn(scope, name) ? scope[name] : undefined;
}

class TypeChecker {
  readonly diagnostics: ExpressionDiagnostic[] = [];

  constructor(
    private readonly source: string,
    private readonly scope: FieldScope,
  ) {}

  private report(message: string, span: SourceSpan): CheckedType {
    this.diagnostics.push(diagnostic(this.source, 'ORDO_ERR_EXPRESSION_TYPE', message, span));
    return ERROR_TYPE;
  }

  check(node: ExpressionNode): CheckedType {
    switch (node.kind) {
      case 'NumberNode':
        return scalar('number');
      case 'BooleanNode':
        return scalar('boolean');
      case 'TextNode': {
        // The runtime reads ISO text as a date, so the checker does too: due > "2026-01-01" is fine.
        const temporal = node.value === '' ? null : parseTemporal(node.value);
        return scalar(node.value === '' ? 'blank' : temporal === null ? 'text' : temporal.kind);
      }
      case 'FieldNode':
        return this.checkField(node);
      case 'UnaryNode':
        return this.checkUnary(node);
      case 'BinaryNode':
        return this.checkBinary(node);
      case 'CallNode':
        return this.checkCall(node);
    }
  }

  private checkField(node: FieldNode): CheckedType {
    if (node.table === null) {
      const field = lookup(this.scope, node.name);
      if (field === undefined) return this.report(`Unknown field ${node.name}`, node.span);
      if (field.type === 'table') {
        return this.report(`${node.name} is a sub-table; name one of its columns, such as ${node.name}.column`, node.span);
      }
      return scalar(field.type);
    }
    const table = lookup(this.scope, node.table);
    if (table === undefined) return this.report(`Unknown sub-table ${node.table}`, node.span);
    if (table.type !== 'table') {
      return this.report(`${node.table} is not a sub-table, so ${FieldNode.path(node)} cannot be read`, node.span);
    }
    const column = lookup(table.columns, node.name);
    if (column === undefined) return this.report(`Sub-table ${node.table} has no column ${node.name}`, node.span);
    if (column.type === 'table') {
      return this.report(`${FieldNode.path(node)} is a nested sub-table; only one level is supported`, node.span);
    }
    return { kind: 'list', of: column.type };
  }

  /** A single value is needed here: a list (sub-table column) must go through SUM, COUNT... first. */
  private single(node: ExpressionNode, type: CheckedType, where: string): CheckedType {
    if (type.kind !== 'list') return type;
    const place = where.startsWith('The ') ? `the ${where.slice(4)}` : where;
    return this.report(
      `${FieldNode.is(node) ? FieldNode.path(node) : 'This'} is a sub-table column (a list) and cannot be used in ${place}; wrap it in SUM, COUNT or another list function`,
      node.span,
    );
  }

  private require(node: ExpressionNode, type: CheckedType, wanted: 'number' | 'boolean', where: string): void {
    const value = this.single(node, type, where);
    if (value.kind === 'scalar' && value.type !== wanted && value.type !== 'any' && value.type !== 'blank') {
      const hint = wanted === 'number' && value.type === 'text' ? '; text and numbers do not mix, convert with VALUE()' : '';
      this.report(`${where} needs ${wanted === 'number' ? 'a number' : 'TRUE/FALSE'}, but ${describeNode(node, value)} was given${hint}`, node.span);
    }
  }

  private checkUnary(node: UnaryNode): CheckedType {
    const operand = this.check(node.operand);
    if (node.op === '-') {
      this.require(node.operand, operand, 'number', 'The minus sign');
      return scalar('number');
    }
    this.require(node.operand, operand, 'boolean', 'NOT');
    return scalar('boolean');
  }

  private checkBinary(node: BinaryNode): CheckedType {
    const where = node.op === 'AND' || node.op === 'OR' ? node.op : `The ${node.op} operator`;
    const left = this.single(node.left, this.check(node.left), where);
    const right = this.single(node.right, this.check(node.right), where);
    if (node.op === 'AND' || node.op === 'OR') {
      this.require(node.left, left, 'boolean', where);
      this.require(node.right, right, 'boolean', where);
      return scalar('boolean');
    }
    if (node.op === '&') return scalar('text');
    const both = left.kind === 'scalar' && right.kind === 'scalar' ? { left: left.type, right: right.type } : null;
    if (isComparison(node.op)) {
      if (both !== null && !comparable(both.left, both.right)) {
        this.report(`Cannot compare ${describeNode(node.left, left)} with ${describeNode(node.right, right)}`, node.span);
      }
      return scalar('boolean');
    }
    if (both !== null && (node.op === '+' || node.op === '-') && (isTemporal(both.left) || isTemporal(both.right))) {
      return this.dateArithmetic(node, both.left, both.right);
    }
    this.require(node.left, left, 'number', where);
    this.require(node.right, right, 'number', where);
    if (both === null) return ERROR_TYPE;
    return scalar(both.left === 'any' || both.right === 'any' ? 'any' : 'number');
  }

  /** date + days, days + date, date - days and date - date (days between). */
  private dateArithmetic(node: BinaryNode, left: ScalarType | 'blank', right: ScalarType | 'blank'): CheckedType {
    const days = (type: ScalarType | 'blank'): boolean => type === 'number' || type === 'blank' || type === 'any';
    if (isTemporal(left) && isTemporal(right)) {
      return node.op === '-' ? scalar('number') : this.report('Two dates cannot be added; subtract them to get the days between', node.span);
    }
    if (isTemporal(left) && days(right)) return scalar(left as ScalarType);
    if (node.op === '+' && isTemporal(right) && days(left)) return scalar(right as ScalarType);
    return this.report(`The ${node.op} operator cannot combine ${left} and ${right}`, node.span);
  }

  private checkCall(node: CallNode): CheckedType {
    const args = node.args.map((arg) => this.check(arg));
    const entry = FUNCTION_TABLE.get(node.name);
    if (entry === undefined) return ERROR_TYPE;
    const { doc } = entry;
    const nameSpan = SourceSpan.create(node.span.offset, node.name.length);
    if (!acceptsArgumentCount(doc, node.args.length)) {
      const { min, max, group } = arity(doc);
      const expected = max === Number.POSITIVE_INFINITY
        ? `${min} or more${group > 1 ? ` (in groups of ${group})` : ''}`
        : min === max ? String(min) : `${min} to ${max}`;
      return this.report(`${node.name} takes ${expected} argument${max === 1 ? '' : 's'}, but ${node.args.length} were given`, nameSpan);
    }
    let branch: CheckedType | null = null;
    let branchesFit = true;
    node.args.forEach((arg, index) => {
      const param = paramAt(doc, index);
      const type = args[index] ?? ERROR_TYPE;
      if (param === undefined) return;
      if (!fitsParam(type, param.type)) {
        this.report(
          `${node.name} expects ${paramTypeName(param.type)} for ${param.name} (argument ${index + 1}), but ${describeNode(arg, type)} was given`,
          arg.span,
        );
      } else if (param.type === 'any') {
        const unified: CheckedType | null = branch === null ? type : unify(branch, type);
        branchesFit = branchesFit && unified !== null;
        branch = unified ?? branch;
      }
    });
    if (doc.returns !== 'branch') return scalar(doc.returns);
    if (!branchesFit) {
      return this.report(`${node.name} gives values of different types in its branches; make them all numbers, texts, dates or TRUE/FALSE`, nameSpan);
    }
    return branch ?? scalar('any');
  }

  expectResult(node: ExpressionNode, type: CheckedType, expect: ScalarType | undefined): void {
    if (expect === undefined || type.kind === 'error') return;
    const whole = SourceSpan.create(0, this.source.length);
    if (type.kind === 'list') {
      this.report(`The formula gives ${typeName(type)}, but a single ${expect} is expected; wrap it in SUM, COUNT or another list function`, whole);
      return;
    }
    if (expect !== 'any' && type.type !== 'any' && type.type !== 'blank' && type.type !== expect) {
      this.report(`The formula gives ${describeNode(node, type)}, but ${expect === 'boolean' ? 'TRUE/FALSE' : expect} is expected`, whole);
    }
  }
}

/** Values that can be compared: the same kind, dates with datetimes, anything with any or blank. */
function comparable(a: ScalarType | 'blank', b: ScalarType | 'blank'): boolean {
  if (a === b || a === 'any' || b === 'any' || a === 'blank' || b === 'blank') return true;
  return isTemporal(a) && isTemporal(b);
}
