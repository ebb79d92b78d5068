import type { CompiledShop } from '../model/index.js';

/**
 * Dispatch priorities, higher first (Haupt 1989 surveys them). MWKR, most work remaining, counts the
 * longest remaining path through the operation's successors with each operation's shortest
 * alternative; MOPNR counts remaining operations; SPT prefers short operations.
 */
export type PriorityRule = 'mwkr' | 'mopnr' | 'spt';

export function priorities(shop: CompiledShop, rule: PriorityRule): Float64Array {
  const n = shop.operationCount;
  const shortest = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let min = Number.POSITIVE_INFINITY;
    for (let a = shop.altStart[i]!; a < shop.altStart[i + 1]!; a++) min = Math.min(min, shop.altDuration[a]!);
    shortest[i] = min;
  }
  if (rule === 'spt') return shortest.map((duration) => -duration);
  const remaining = new Float64Array(n);
  // Operations are numbered in routing order within jobs, but cross-job precedences may point anywhere: sweep until stable.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = n - 1; i >= 0; i--) {
      let after = 0;
      for (let s = shop.succStart[i]!; s < shop.succStart[i + 1]!; s++) after = Math.max(after, remaining[shop.succList[s]!]!);
      const value = after + (rule === 'mwkr' ? shortest[i]! : 1);
      if (value !== remaining[i]) {
        remaining[i] = value;
        changed = true;
      }
    }
  }
  return remaining;
}
