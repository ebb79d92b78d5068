import type { ExpressionNode } from './expression-node.js';
import type { SourceSpan } from './source-span.js';

/** A field reference: `qty`, or `lines.qty` for column qty of sub-table lines (a list). */
export interface FieldNode {
  readonly kind: 'FieldNode';
  readonly table: string | null;
  readonly name: string;
  readonly span: SourceSpan;
}

export const FieldNode = Object.freeze({
  is(node: ExpressionNode): node is FieldNode {
    return node.kind === 'FieldNode';
  },
  create(table: string | null, name: string, span: SourceSpan): FieldNode {
    return Object.freeze({ kind: 'FieldNode', table, name, span });
  },
  /** The field path as the forms engine names it: `qty` or `lines.qty`. */
  path(node: FieldNode): string {
    return node.table === null ? node.name : `${node.table}.${node.name}`;
  },
});
