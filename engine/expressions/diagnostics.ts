import { OrdoError } from '../errors/index.js';
import type { SourceSpan } from './nodes/index.js';
import type { ExpressionDiagnostic } from './types.js';

/** 1-based line and column of an offset; CR LF and lone CR end a line like LF does. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    const char = source[i];
    if (char === '\n' || (char === '\r' && source[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function diagnostic(
  source: string,
  code: ExpressionDiagnostic['code'],
  message: string,
  span: SourceSpan,
): ExpressionDiagnostic {
  const { line, column } = lineAndColumn(source, span.offset);
  return Object.freeze({ code, message, offset: span.offset, length: span.length, line, column });
}

/** One OrdoError for a list of diagnostics: the first names the problem, `extra.diagnostics` lists all. */
export function diagnosticsError(diagnostics: readonly ExpressionDiagnostic[]): OrdoError {
  const first = diagnostics[0];
  if (first === undefined) {
    return new OrdoError('ORDO_ERR_INTERNAL', 'A formula error was raised without a diagnostic');
  }
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  return new OrdoError(first.code, `${first.message} at line ${first.line}, column ${first.column}${more}`, {
    extra: { diagnostics },
  });
}
