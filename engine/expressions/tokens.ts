import type { SourceSpan } from './nodes/index.js';

export type Keyword = 'AND' | 'OR' | 'NOT' | 'TRUE' | 'FALSE';

export type Punctuation =
  | '+' | '-' | '*' | '/' | '^' | '&'
  | '=' | '<>' | '<' | '<=' | '>' | '>='
  | '(' | ')' | ',' | '.';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly span: SourceSpan }
  | { readonly kind: 'text'; readonly value: string; readonly span: SourceSpan }
  | { readonly kind: 'name'; readonly name: string; readonly span: SourceSpan }
  | { readonly kind: 'keyword'; readonly keyword: Keyword; readonly span: SourceSpan }
  | { readonly kind: 'punctuation'; readonly value: Punctuation; readonly span: SourceSpan }
  | { readonly kind: 'end'; readonly span: SourceSpan };

export const KEYWORDS: ReadonlySet<string> = new Set<Keyword>(['AND', 'OR', 'NOT', 'TRUE', 'FALSE']);
