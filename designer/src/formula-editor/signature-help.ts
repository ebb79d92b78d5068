import { FUNCTION_CATALOGUE, paramAt, tokenize, type FunctionDoc, type FunctionParam } from '../../../engine/expressions/index.js';

export interface SignatureHelp {
  doc: FunctionDoc;
  /** The argument the cursor is in, 0-based. */
  argument: number;
  param: FunctionParam | undefined;
}

const BY_NAME = new Map(FUNCTION_CATALOGUE.map((doc) => [doc.name, doc]));

/** The innermost function call whose parentheses hold the cursor, and which argument it is in. */
export function signatureAt(source: string, cursor: number): SignatureHelp | null {
  const { tokens } = tokenize(source.slice(0, cursor));
  const stack: ({ doc: FunctionDoc; argument: number } | null)[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'punctuation') return;
    if (token.value === '(') {
      const previous = tokens[index - 1];
      const name = previous?.kind === 'name' ? previous.name.toUpperCase() : previous?.kind === 'keyword' ? previous.keyword : undefined;
      const doc = name === undefined ? undefined : BY_NAME.get(name);
      stack.push(doc === undefined ? null : { doc, argument: 0 });
    } else if (token.value === ')') {
      stack.pop();
    } else if (token.value === ',') {
      const top = stack[stack.length - 1];
      if (top !== undefined && top !== null) top.argument += 1;
    }
  });
  const top = stack[stack.length - 1];
  if (top === undefined || top === null) return null;
  return { doc: top.doc, argument: top.argument, param: paramAt(top.doc, top.argument) };
}
