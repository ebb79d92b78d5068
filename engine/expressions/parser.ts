import { diagnostic, lineAndColumn } from './diagnostics.js';
import { FUNCTION_NAMES } from './functions/index.js';
import { EXPRESSION_LIMITS } from './limits.js';
import {
  BinaryNode,
  BooleanNode,
  CallNode,
  FieldNode,
  NumberNode,
  SourceSpan,
  TextNode,
  UnaryNode,
  withSpan,
  type ExpressionNode,
} from './nodes/index.js';
import { BINARY_POWER, NEGATE_POWER, NOT_OPERAND_POWER, isBinaryOperator } from './operators.js';
import { tokenize } from './tokenizer.js';
import type { Token } from './tokens.js';
import type { ExpressionDiagnostic } from './types.js';

export interface ParseResult {
  /** Null when a syntax error stopped the parser. */
  readonly node: ExpressionNode | null;
  readonly diagnostics: readonly ExpressionDiagnostic[];
}

/** Thrown inside the parser to stop at an error it cannot read past; never leaves this module. */
class StopParsing extends Error {}

/**
 * Names that reach JavaScript internals if an evaluator ever looked them up on an object; the
 * language refuses them as field names so no data or code path can depend on them.
 */
export function isReservedName(name: string): boolean {
  return name === 'constructor' || name === 'prototype' || name.startsWith('__');
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the formula';
    case 'number':
      return `the number ${token.value}`;
    case 'text':
      return 'a text';
    case 'name':
      return `\`${token.name}\``;
    case 'keyword':
      return token.keyword;
    case 'punctuation':
      return token.value;
  }
}

/**
 * Parses a formula with a Pratt parser. Unknown functions and reserved names are reported and
 * parsing goes on, so one pass finds them all; other syntax errors stop at the first.
 */
export function parse(source: string): ParseResult {
  if (source.length > EXPRESSION_LIMITS.maxSourceLength) {
    const message = `The formula is longer than ${EXPRESSION_LIMITS.maxSourceLength} characters`;
    return { node: null, diagnostics: [diagnostic(source, 'ORDO_ERR_EXPRESSION_SYNTAX', message, SourceSpan.create(0, source.length))] };
  }
  const { tokens, diagnostics: tokenDiagnostics } = tokenize(source);
  if (tokenDiagnostics.length > 0) {
    return { node: null, diagnostics: tokenDiagnostics };
  }
  const parser = new Parser(source, tokens);
  try {
    const node = parser.parseFormula();
    return { node, diagnostics: parser.diagnostics };
  } catch (error) {
    if (error instanceof StopParsing) {
      return { node: null, diagnostics: parser.diagnostics };
    }
    throw error;
  }
}

class Parser {
  readonly diagnostics: ExpressionDiagnostic[] = [];
  private position = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseFormula(): ExpressionNode {
    if (this.peek().kind === 'end') {
      this.stop('The formula is empty', this.peek().span);
    }
    const node = this.parseExpression(0);
    const next = this.peek();
    if (next.kind !== 'end') {
      const message = next.kind === 'punctuation' && next.value === ')'
        ? 'Unexpected ): there is no ( to close'
        : `Expected an operator before ${describe(next)}`;
      this.stop(message, next.span);
    }
    return node;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.position = Math.min(this.position + 1, this.tokens.length - 1);
    return token;
  }

  private isPunctuation(token: Token, value: string): boolean {
    return token.kind === 'punctuation' && token.value === value;
  }

  private report(message: string, span: SourceSpan): void {
    this.diagnostics.push(diagnostic(this.source, 'ORDO_ERR_EXPRESSION_SYNTAX', message, span));
  }

  private stop(message: string, span: SourceSpan): never {
    this.report(message, span);
    throw new StopParsing(message);
  }

  /** Guards recursion: every level of parentheses, call or prefix operator goes through here. */
  private nested<T>(span: SourceSpan, read: () => T): T {
    this.depth++;
    if (this.depth > EXPRESSION_LIMITS.maxDepth) {
      this.stop(`The formula is nested more than ${EXPRESSION_LIMITS.maxDepth} levels deep`, span);
    }
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private parseExpression(minPower: number): ExpressionNode {
    let left = this.parsePrefix();
    for (;;) {
      const token = this.peek();
      const op = token.kind === 'keyword' ? token.keyword : token.kind === 'punctuation' ? token.value : null;
      if (op === null || !isBinaryOperator(op) || BINARY_POWER[op] <= minPower) {
        return left;
      }
      this.next();
      const right = this.parseExpression(BINARY_POWER[op]);
      left = BinaryNode.create(op, left, right, SourceSpan.join(left.span, right.span));
    }
  }

  private parsePrefix(): ExpressionNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return NumberNode.create(token.value, token.span);
      case 'text':
        return TextNode.create(token.value, token.span);
      case 'name':
        return this.isPunctuation(this.peek(), '(') ? this.parseCall(token.name, token.span) : this.parseField(token.name, token.span);
      case 'keyword':
        return this.parseKeyword(token.keyword, token.span);
      case 'punctuation':
        if (token.value === '-') {
          const operand = this.nested(token.span, () => this.parseExpression(NEGATE_POWER));
          return UnaryNode.create('-', operand, SourceSpan.join(token.span, operand.span));
        }
        if (token.value === '(') {
          return this.nested(token.span, () => {
            const inner = this.parseExpression(0);
            return withSpan(inner, SourceSpan.join(token.span, this.expectClose(token.span)));
          });
        }
        return this.stop(`Unexpected ${describe(token)}: a value is missing`, token.span);
      case 'end':
        return this.stop('The formula ends too early: a value is missing', token.span);
    }
  }

  private parseKeyword(keyword: string, span: SourceSpan): ExpressionNode {
    if (keyword === 'TRUE' || keyword === 'FALSE') {
      return BooleanNode.create(keyword === 'TRUE', span);
    }
    if (this.isPunctuation(this.peek(), '(')) {
      const call = this.parseCall(keyword, span);
      // NOT(x) and NOT x are the same node, so printing and parsing back agree.
      const only = call.args[0];
      return keyword === 'NOT' && call.args.length === 1 && only !== undefined ? UnaryNode.create('NOT', only, call.span) : call;
    }
    if (keyword === 'NOT') {
      const operand = this.nested(span, () => this.parseExpression(NOT_OPERAND_POWER));
      return UnaryNode.create('NOT', operand, SourceSpan.join(span, operand.span));
    }
    return this.stop(`${keyword} needs a value on its left`, span);
  }

  private parseField(name: string, span: SourceSpan): FieldNode {
    this.checkName(name, span);
    if (!this.isPunctuation(this.peek(), '.')) {
      return FieldNode.create(null, name, span);
    }
    this.next();
    const column = this.next();
    if (column.kind !== 'name') {
      return this.stop(`Expected a column name after ${name}.`, column.span);
    }
    this.checkName(column.name, column.span);
    if (this.isPunctuation(this.peek(), '.')) {
      this.stop('Only one level of sub-table columns is allowed: write table.column', this.peek().span);
    }
    return FieldNode.create(name, column.name, SourceSpan.join(span, column.span));
  }

  private checkName(name: string, span: SourceSpan): void {
    if (isReservedName(name)) {
      this.report(`${name} is a reserved name and cannot be used as a field`, span);
    }
  }

  private parseCall(rawName: string, nameSpan: SourceSpan): CallNode {
    const name = rawName.toUpperCase();
    if (!FUNCTION_NAMES.has(name)) {
      this.report(`Unknown function ${name}`, nameSpan);
    }
    const open = this.next();
    return this.nested(open.span, () => {
      const args: ExpressionNode[] = [];
      if (!this.isPunctuation(this.peek(), ')')) {
        for (;;) {
          args.push(this.parseExpression(0));
          if (!this.isPunctuation(this.peek(), ',')) break;
          this.next();
        }
      }
      const close = this.expectClose(open.span);
      return CallNode.create(name, args, SourceSpan.join(nameSpan, close));
    });
  }

  private expectClose(open: SourceSpan): SourceSpan {
    const token = this.next();
    if (!this.isPunctuation(token, ')')) {
      const { line, column } = lineAndColumn(this.source, open.offset);
      this.stop(`Expected ) to close the ( at line ${line}, column ${column}, found ${describe(token)}`, token.span);
    }
    return token.span;
  }
}
