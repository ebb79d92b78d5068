export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses a definition file, turning JSON.parse's character offset into a line and column a person can find. */
export function parseJsonSource(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(message)?.[1];
    if (offset === undefined) return { ok: false, message: `not valid JSON: ${message}` };
    const before = text.slice(0, Number(offset));
    const line = before.split('\n').length;
    const column = Number(offset) - before.lastIndexOf('\n');
    return { ok: false, message: `not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}` };
  }
}
