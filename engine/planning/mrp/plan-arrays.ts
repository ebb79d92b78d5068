/**
 * A plan's arrays (planned orders, reschedule messages, exceptions, ...) are every item's part, in
 * item id order. One kept with the parts it was made of lets the next, after a change, copy the runs
 * of unchanged parts from it in bulk rather than part by part: after one new order, the parts of
 * 306 of 10,000 items change, and concatenating 550,000 records from 10,000 parts was a seventh of
 * an update with its headline.
 */
export interface AssembledArray<T> {
  readonly all: T[];
  /** How many records come before the parts (records of no item). */
  readonly lead: number;
  readonly parts: readonly (readonly T[])[];
}

/** `lead` followed by every part; given the last array assembled from parts of the same items, runs of the same parts are copied from it. */
export function assembleArray<T>(lead: T[], parts: readonly (readonly T[])[], previous: AssembledArray<T> | undefined): AssembledArray<T> {
  if (previous === undefined || previous.parts.length !== parts.length) return { all: concatAll(lead, parts), lead: lead.length, parts };
  const segments: (readonly T[])[] = [];
  let at = previous.lead;
  let copied = at;
  for (let index = 0; index < parts.length; index++) {
    const before = previous.parts[index]!;
    if (parts[index] !== before) {
      if (at > copied) segments.push(previous.all.slice(copied, at));
      segments.push(parts[index]!);
      copied = at + before.length;
    }
    at += before.length;
  }
  if (at > copied) segments.push(previous.all.slice(copied, at));
  return { all: concatAll(lead, segments), lead: lead.length, parts };
}

// Arguments per concat call: far below the engine's limit on arguments, for factories of a million items.
const CONCAT_CHUNK = 8192;

/**
 * `first` followed by every part, by concat: it copies each part's elements in bulk, where a push per
 * record made writing the plan out cost almost twice as much.
 */
export function concatAll<T>(first: T[], parts: readonly (readonly T[])[]): T[] {
  let out = first;
  for (let at = 0; at < parts.length; at += CONCAT_CHUNK) out = out.concat(...(parts.slice(at, at + CONCAT_CHUNK) as T[][]));
  return out;
}
