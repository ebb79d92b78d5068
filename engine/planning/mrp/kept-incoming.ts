import type { Incoming } from './demand-table.js';

/**
 * An item's incoming lists as of its last planning, by its parents' positions in the BOM graph, kept
 * by the incremental planner: an update replaces only the parents whose explosion lists it replaced.
 * Gathering every parent's list again (its result, its list's lines to the item: memory scattered
 * over a large heap) was a sixth of an update, and a shared component has hundreds of parents.
 */
export class KeptIncoming {
  private constructor(
    /** The graph's parents of the item, this very array: a new graph gathers everything again. */
    readonly parents: readonly string[],
    private readonly byPosition: (Incoming | undefined)[],
    /** The parents' lists in the graph's order, those with none left out: what the item is planned from. */
    private current: readonly Incoming[],
  ) {}

  static gather(parents: readonly string[], incomingAt: (parent: string) => Incoming | undefined): KeptIncoming {
    const byPosition = parents.map(incomingAt);
    return new KeptIncoming(parents, byPosition, dense(byPosition));
  }

  get list(): readonly Incoming[] {
    return this.current;
  }

  /**
   * Gathers these parents' lists again. The list becomes a new array where any changed: the item's
   * kept table still refers to the old one.
   */
  replace(changed: readonly string[], incomingAt: (parent: string) => Incoming | undefined): readonly Incoming[] {
    let any = false;
    for (const parent of changed) {
      const position = this.parents.indexOf(parent);
      if (position === -1) continue;
      const from = incomingAt(parent);
      if (from === this.byPosition[position]) continue;
      this.byPosition[position] = from;
      any = true;
    }
    if (any) this.current = dense(this.byPosition);
    return this.current;
  }
}

function dense(byPosition: readonly (Incoming | undefined)[]): Incoming[] {
  const list: Incoming[] = [];
  for (const from of byPosition) if (from !== undefined) list.push(from);
  return list;
}
