import type { SubstituteOption } from './item-records.js';
import type { BomVersion } from './mrp-model.js';
import type { SettledSupplies } from './settled-supplies.js';

/** A primary BOM line as it is exploded: worked out once per BOM version, shared by every demand it places. */
export interface ExplodedLine {
  /** Its position in the exploding item's list of lines (ExplosionList.lines). */
  readonly index: number;
  readonly component: string;
  readonly lineNo: number;
  readonly qtyPer: number;
  /** 1 + the line's scrap share. */
  readonly scrap: number;
  readonly phantom: boolean;
  readonly substitutes: readonly SubstituteOption[];
}

/** The lines of one BOM version, and per component the lines that place demand on it. */
export interface ExplodedVersion {
  readonly version: BomVersion;
  /** How many of the list's entries explode this version. */
  entries: number;
  readonly lines: readonly ExplodedLine[];
  readonly linesTo: ReadonlyMap<string, readonly ExplodedLine[]>;
}

/**
 * An item's make supply as it explodes (planned make orders, open production orders whose components
 * are not issued, phantom blow-throughs), one entry per supply, as columns. A component's dependent
 * demand is one row per (entry, BOM line to it), id `<supply>/<line no>`; the component reads its
 * rows from here when it is planned, so no item keeps rows between items (a large factory has
 * millions: kept, they were most of the planner's memory and of its garbage collection). Per entry
 * also the key of the rest of its supply's id, and per run of entries the id prefix they share
 * (supply-id-key.ts): they order the component's same-day demands without comparing strings.
 */
export interface ExplosionList {
  readonly supplies: SettledSupplies;
  /** Every line of every version exploded; ExplodedLine.index points here. */
  readonly lines: readonly ExplodedLine[];
  readonly versions: readonly ExplodedVersion[];
  readonly prefixes: readonly string[];
  readonly length: number;
  readonly supply: Int32Array;
  /** Index into `versions`. */
  readonly version: Int32Array;
  readonly qty: Float64Array;
  readonly start: Float64Array;
  /** The most urgent priority among the demands the supply is pegged to: its rows' priority. */
  readonly urgency: Float64Array;
  /**
   * Where each run of entries with one id prefix starts, and the prefix (an index into `prefixes`):
   * worked out once here, not by each component scanning every entry.
   */
  readonly runStarts: readonly number[];
  readonly runPrefixes: readonly number[];
  readonly rest: Float64Array;
  /** The supply's sales order (SalesOrderCodes): read for every row, and the records are scattered in memory. */
  readonly order: Int32Array;
  /** Per component, per version, the lines to it (none: an empty list). */
  readonly linesTo: ReadonlyMap<string, readonly (readonly ExplodedLine[])[]>;
}

/** The id of the supply an entry explodes. */
export function parentId(list: ExplosionList, entry: number): string {
  return list.supplies.id(list.supply[entry]!);
}

/** The components the list places demand on. */
export function componentsOf(list: ExplosionList | undefined): Set<string> {
  const components = new Set<string>();
  for (const version of list?.versions ?? []) for (const component of version.linesTo.keys()) components.add(component);
  return components;
}

/**
 * Whether two lists place the same rows on every component: the same supplies (id, sales order),
 * quantities, starts, priorities and lines. Net-change replans an item's components only when not.
 */
export function sameExplosions(a: ExplosionList | undefined, b: ExplosionList | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length || a.versions.length !== b.versions.length) return false;
  for (let at = 0; at < a.versions.length; at++) if (!sameLines(a.versions[at]!.lines, b.versions[at]!.lines)) return false;
  for (let at = 0; at < a.length; at++) {
    const same =
      a.version[at] === b.version[at] &&
      a.qty[at] === b.qty[at] &&
      a.start[at] === b.start[at] &&
      a.urgency[at] === b.urgency[at] &&
      parentId(a, at) === parentId(b, at) &&
      a.order[at] === b.order[at];
    if (!same) return false;
  }
  return true;
}

/** Whether two versions' lines explode alike (the same components, line numbers, quantities, scrap, phantoms and options). */
export function sameLines(a: readonly ExplodedLine[], b: readonly ExplodedLine[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((line, at) => {
    const other = b[at]!;
    return (
      line.component === other.component &&
      line.lineNo === other.lineNo &&
      line.qtyPer === other.qtyPer &&
      line.scrap === other.scrap &&
      line.phantom === other.phantom &&
      sameOptions(line.substitutes, other.substitutes)
    );
  });
}

// Demands of one BOM line share its options: mostly the same array.
function sameOptions(a: readonly SubstituteOption[], b: readonly SubstituteOption[]): boolean {
  if (a === b) return true;
  return a.length === b.length && a.every((option, index) => option.item === b[index]!.item && option.lineNo === b[index]!.lineNo && option.ratio === b[index]!.ratio);
}
