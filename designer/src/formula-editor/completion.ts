/**
 * What the formula editor suggests at the cursor: fields (by name or by label, so a Chinese user
 * can type 数量 and get `qty`), sub-table columns after `lines.`, and the engine's functions.
 * Pure, so the rules are tested without a browser.
 */
import { FUNCTION_CATALOGUE, tokenize, type FunctionDoc } from '../../../engine/expressions/index.js';
import type { FormulaField } from './formula-scope.js';

export interface Suggestion {
  kind: 'field' | 'function';
  /** The text put into the formula: a field path, or a function name. */
  name: string;
  /** What the list shows next to the name: the field's label or the function's signature. */
  detail: string;
  /** The field's type, or the function's documentation. */
  type?: string;
  doc?: FunctionDoc;
}

export interface Completion {
  /** The part of the formula a chosen suggestion replaces. */
  from: number;
  to: number;
  prefix: string;
  items: Suggestion[];
}

const MAX_ITEMS = 50;
const WORD = /[\p{L}\p{N}_]/u;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** After these the author is about to write an operand, so the list opens without a letter typed. */
const OPERAND_BEFORE = new Set(['', '(', ',', '+', '-', '*', '/', '^', '&', '=', '<', '>']);

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/** Whether the cursor is inside a text literal (the tokenizer stops at an unclosed quote). */
function insideText(before: string): boolean {
  const { diagnostics } = tokenize(before);
  return diagnostics.some((problem) => problem.offset + problem.length === before.length && (before[problem.offset] === '"' || before[problem.offset] === "'"));
}

/** 0: the name starts with what was typed, 1: the label does, 2: either contains it; -1: no match. */
function rank(prefix: string, name: string, label: string): number {
  if (prefix === '') return 0;
  const lower = prefix.toLowerCase();
  const bare = name.slice(name.indexOf('.') + 1).toLowerCase();
  if (name.toLowerCase().startsWith(lower) || bare.startsWith(lower)) return 0;
  if (label.toLowerCase().startsWith(lower)) return 1;
  // One letter inside a name matches nearly everything; from two on it finds `measured` by `sur`.
  if (prefix.length >= 2 && (name.toLowerCase().includes(lower) || label.toLowerCase().includes(lower))) return 2;
  // Chinese labels are short: one character inside is already a useful match.
  if (!/^[A-Za-z0-9_]+$/.test(prefix) && label.includes(prefix)) return 2;
  return -1;
}

interface Scored {
  item: Suggestion;
  score: number;
  order: number;
}

/**
 * Order of the list: the form's fields whose name starts with the letters, then such columns
 * (lines.qty), then functions, then matches by label or inside the name.
 */
function fieldItems(fields: readonly FormulaField[], prefix: string, table: string | null): Scored[] {
  const scored: Scored[] = [];
  fields.forEach((field, order) => {
    const dot = field.name.indexOf('.');
    if (table !== null && (dot === -1 || field.name.slice(0, dot) !== table)) return;
    const name = table === null ? field.name : field.name.slice(dot + 1);
    const score = rank(prefix, name, field.label);
    const column = table === null && dot !== -1 ? 1 : 0;
    if (score >= 0) scored.push({ item: { kind: 'field', name, detail: field.label, type: field.type }, score: score === 0 ? column : score + 2, order });
  });
  return scored;
}

function functionItems(prefix: string): Scored[] {
  if (prefix !== '' && !NAME.test(prefix)) return [];
  const upper = prefix.toUpperCase();
  return FUNCTION_CATALOGUE.filter((doc) => doc.name.startsWith(upper)).map((doc, order) => ({
    item: { kind: 'function' as const, name: doc.name, detail: doc.signature, doc },
    score: 2,
    order,
  }));
}

/**
 * The suggestions at `cursor`, or null where none fit (inside text, in a number, after a
 * finished operand with nothing typed). `explicit` (Ctrl+Space) opens the list after any token.
 */
export function complete(source: string, cursor: number, fields: readonly FormulaField[], explicit = false): Completion | null {
  const before = source.slice(0, cursor);
  if (insideText(before)) return null;
  let from = cursor;
  while (from > 0 && isWord(source[from - 1])) from--;
  let to = cursor;
  while (to < source.length && isWord(source[to])) to++;
  const prefix = source.slice(from, cursor);
  if (/^[0-9]/.test(prefix)) return null;
  let table: string | null = null;
  if (source[from - 1] === '.') {
    let start = from - 1;
    while (start > 0 && isWord(source[start - 1])) start--;
    table = source.slice(start, from - 1);
    if (!NAME.test(table)) return null;
  }
  const previous = source.slice(0, from).trimEnd().slice(-1);
  if (prefix === '' && table === null && !explicit && !OPERAND_BEFORE.has(previous)) return null;
  const items = [...fieldItems(fields, prefix, table), ...(table === null ? functionItems(prefix) : [])]
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, MAX_ITEMS)
    .map((entry) => entry.item);
  return items.length === 0 ? null : { from, to, prefix, items };
}

/** The formula after choosing a suggestion, and where the cursor goes (inside a function's parentheses). */
export function applySuggestion(source: string, completion: Completion, item: Suggestion): { text: string; cursor: number } {
  const after = source.slice(completion.to);
  const call = item.kind === 'function' && !after.trimStart().startsWith('(');
  const inserted = call ? `${item.name}()` : item.name;
  const text = source.slice(0, completion.from) + inserted + after;
  const cursor = completion.from + (call ? item.name.length + 1 : item.name.length);
  return { text, cursor };
}
