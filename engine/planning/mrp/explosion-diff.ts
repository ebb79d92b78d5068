import { type ExplodedLine, type ExplosionList, parentId, sameLines } from './explosion-list.js';

/**
 * What changed between an item's explosion list before and after net-change replanned it, entry by
 * entry: a component's kept demand table (kept-table.ts) keeps the rows of entries that place the
 * very same rows, renumbered, and reads only the others from the new list. One new order changes a
 * few of a parent's planned orders; re-reading every row the parent places was most of an update.
 */
export interface ListDiff {
  readonly from: ExplosionList;
  /** Per entry of `from`: its entry in the new list when it places the same rows, else -1. */
  readonly entryTo: Int32Array;
  /** Per line of `from`: the same line in the new list, -1 where its version's lines changed or it is gone. */
  readonly lineTo: Int32Array;
  /** The new list's entries that no entry of `from` maps to, ascending. */
  readonly fresh: Int32Array;
}

export function diffExplosions(from: ExplosionList, to: ExplosionList): ListDiff {
  const lineTo = new Int32Array(from.lines.length).fill(-1);
  const versionTo = new Int32Array(from.versions.length).fill(-1);
  from.versions.forEach((before, at) => {
    const after = to.versions.findIndex((version) => version.version === before.version);
    if (after === -1 || !sameLines(before.lines, to.versions[after]!.lines)) return;
    versionTo[at] = after;
    mapLines(before.lines, to.versions[after]!.lines, lineTo);
  });
  const byId = new Map<string, number>();
  for (let entry = 0; entry < from.length; entry++) byId.set(parentId(from, entry), entry);
  const entryTo = new Int32Array(from.length).fill(-1);
  const fresh: number[] = [];
  for (let entry = 0; entry < to.length; entry++) {
    const old = byId.get(parentId(to, entry));
    const same =
      old !== undefined &&
      versionTo[from.version[old]!] === to.version[entry] &&
      from.qty[old] === to.qty[entry] &&
      from.start[old] === to.start[entry] &&
      from.urgency[old] === to.urgency[entry] &&
      from.order[old] === to.order[entry];
    if (same) entryTo[old] = entry;
    else fresh.push(entry);
  }
  return { from, entryTo, lineTo, fresh: Int32Array.from(fresh) };
}

function mapLines(before: readonly ExplodedLine[], after: readonly ExplodedLine[], lineTo: Int32Array): void {
  for (let at = 0; at < before.length; at++) lineTo[before[at]!.index] = after[at]!.index;
}
