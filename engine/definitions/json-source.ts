import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Parses a definition file strictly (no comments, no trailing commas). jsonc-parser is used only for
 * its error offsets: V8's JSON.parse often names no position, and a person needs a line and column.
 */
export function parseJsonSource(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (first === undefined) return { ok: false, message: 'not valid JSON' };
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    return { ok: false, message: `not valid JSON at line ${line}, column ${column}: ${describe(first)}` };
  }
}

/** `ValueExpected` -> `value expected`. */
function describe(error: ParseError): string {
  return printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
