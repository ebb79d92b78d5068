/** Where a node or token sits in the formula text, in UTF-16 code units. */
export interface SourceSpan {
  readonly offset: number;
  readonly length: number;
}

export const SourceSpan = Object.freeze({
  create(offset: number, length: number): SourceSpan {
    return Object.freeze({ offset, length });
  },
  /** The span from the start of `first` to the end of `last`. */
  join(first: SourceSpan, last: SourceSpan): SourceSpan {
    return Object.freeze({ offset: first.offset, length: last.offset + last.length - first.offset });
  },
});
