import { diagnostic } from './diagnostics.js';
import { SourceSpan } from './nodes/index.js';
import { KEYWORDS, type Keyword, type Punctuation, type Token } from './tokens.js';
import type { ExpressionDiagnostic } from './types.js';

export interface TokenizeResult {
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly ExpressionDiagnostic[];
}

const SINGLE_CHAR: ReadonlyMap<string, Punctuation> = new Map<string, Punctuation>([
  ['+', '+'], ['-', '-'], ['*', '*'], ['/', '/'], ['^', '^'], ['&', '&'],
  ['=', '='], ['(', '('], [')', ')'], [',', ','], ['.', '.'],
]);

/** Chinese input methods produce these easily; name the ASCII character to type instead. */
const FULL_WIDTH: ReadonlyMap<string, string> = new Map([
  ['（', '('], ['）', ')'], ['，', ','], ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"],
  ['＋', '+'], ['－', '-'], ['＊', '*'], ['／', '/'], ['＝', '='], ['＞', '>'], ['＜', '<'],
  ['！', '!'], ['＆', '&'], ['。', '.'], ['．', '.'], ['\u3000', ' (a normal space)'],
]);

const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\'], ['"', '"'], ["'", "'"], ['n', '\n'], ['r', '\r'], ['t', '\t'],
]);

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isNameStart(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_');
}

function isNamePart(char: string | undefined): boolean {
  return isNameStart(char) || isDigit(char);
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/**
 * Splits a formula into tokens. Every unreadable character is reported (not only the first);
 * an unterminated text stops tokenizing because the rest of the line is inside it.
 */
export function tokenize(source: string): TokenizeResult {
  const tokens: Token[] = [];
  const diagnostics: ExpressionDiagnostic[] = [];
  const fail = (message: string, offset: number, length: number): void => {
    diagnostics.push(diagnostic(source, 'ORDO_ERR_EXPRESSION_SYNTAX', message, SourceSpan.create(offset, length)));
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    const start = i;
    if (isSpace(char)) {
      i++;
    } else if (isDigit(char) || (char === '.' && isDigit(source[i + 1]))) {
      i = readNumber(source, i);
      const text = source.slice(start, i);
      const value = Number(text);
      if (!Number.isFinite(value)) {
        fail(`The number ${text} is too large`, start, i - start);
      }
      tokens.push({ kind: 'number', value, span: SourceSpan.create(start, i - start) });
    } else if (char === '"' || char === "'") {
      const read = readText(source, i, fail);
      if (read === null) {
        break;
      }
      i = read.end;
      tokens.push({ kind: 'text', value: read.value, span: SourceSpan.create(start, i - start) });
    } else if (isNameStart(char)) {
      while (isNamePart(source[i])) i++;
      const name = source.slice(start, i);
      const upper = name.toUpperCase();
      const span = SourceSpan.create(start, i - start);
      tokens.push(KEYWORDS.has(upper) ? { kind: 'keyword', keyword: upper as Keyword, span } : { kind: 'name', name, span });
    } else {
      const two = source.slice(i, i + 2);
      if (two === '<>' || two === '<=' || two === '>=' || two === '!=') {
        tokens.push({ kind: 'punctuation', value: two === '!=' ? '<>' : two, span: SourceSpan.create(start, 2) });
        i += 2;
      } else if (char === '<' || char === '>') {
        tokens.push({ kind: 'punctuation', value: char, span: SourceSpan.create(start, 1) });
        i++;
      } else if (SINGLE_CHAR.has(char)) {
        tokens.push({ kind: 'punctuation', value: SINGLE_CHAR.get(char) as Punctuation, span: SourceSpan.create(start, 1) });
        i++;
      } else {
        const width = (char.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
        const ascii = FULL_WIDTH.get(char);
        fail(
          ascii === undefined
            ? `Unexpected character ${JSON.stringify(source.slice(i, i + width))}`
            : `Full-width character ${char} is not allowed here; type ${ascii} instead`,
          start,
          width,
        );
        i += width;
      }
    }
  }
  tokens.push({ kind: 'end', span: SourceSpan.create(source.length, 0) });
  return { tokens, diagnostics };
}

function readNumber(source: string, start: number): number {
  let i = start;
  while (isDigit(source[i])) i++;
  if (source[i] === '.') {
    i++;
    while (isDigit(source[i])) i++;
  }
  const exponent = source[i];
  if (exponent === 'e' || exponent === 'E') {
    const sign = source[i + 1] === '+' || source[i + 1] === '-' ? 1 : 0;
    if (isDigit(source[i + 1 + sign])) {
      i += 1 + sign;
      while (isDigit(source[i])) i++;
    }
  }
  return i;
}

function readText(
  source: string,
  start: number,
  fail: (message: string, offset: number, length: number) => void,
): { value: string; end: number } | null {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const char = source[i] as string;
    if (char === quote) {
      return { value, end: i + 1 };
    }
    if (char !== '\\') {
      value += char;
      i++;
      continue;
    }
    const next = source[i + 1];
    const simple = next === undefined ? undefined : ESCAPES.get(next);
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
      value += String.fromCharCode(Number.parseInt(source.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      fail(`Unknown escape \\${next ?? ''} in text; use \\\\ for a backslash`, i, next === undefined ? 1 : 2);
      i += 2;
    }
  }
  fail('Text is not closed: add the closing quote', start, source.length - start);
  return null;
}
