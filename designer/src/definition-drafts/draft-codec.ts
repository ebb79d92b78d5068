/**
 * How a designer reads its own model out of a definition's text and writes it back. The text is what
 * is saved and published (the JSON view shows it); the model is what the designer's panels edit.
 */
export interface DraftCodec<M> {
  /** Throws when the text is not a definition this designer can read (the JSON view shows why). */
  parse(text: string): M;
  print(model: M): string;
  /** A new definition with this id, for a draft that does not exist yet. */
  empty(id: string): M;
  /** The model with the version number publishing gave it. */
  withVersion(model: M, version: number): M;
}

/** For a designer that edits the definition object itself: pretty-printed JSON, keys in their order. */
export const plainJsonCodec: DraftCodec<Record<string, unknown>> = {
  parse(text) {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('The definition must be a JSON object');
    return value as Record<string, unknown>;
  },
  print: (model) => `${JSON.stringify(model, null, 2)}\n`,
  empty: (id) => ({ id, version: 1 }),
  withVersion: (model, version) => ({ ...model, version }),
};
