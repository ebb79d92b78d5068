import type { CompiledShop } from '../model/index.js';

/**
 * Dispatch priorities, higher first (Haupt 1989 surveys them). MWKR, most work remaining, counts the
 * longest remaining path through the operation's successors with each operation's shortest
 * alternative; MOPNR counts remaining operations; SPT prefers short operations; SLACK, for due
 * dates, prefers the least slack (due date minus remaining work), and jobs without a due date last.
 */
export type PriorityRule = 'mwkr' | 'mopnr' | 'spt' | 'slack';

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
      const value = after + (rule === 'mopnr' ? 1 : shortest[i]!);
      if (value !== remaining[i]) {
        remaining[i] = value;
        changed = true;
      }
    }
  }
  if (rule !== 'slack') return remaining;
  // Without a due date an operation has all the slack there is; among those, more work first.
  return remaining.map((work, i) => {
    const due = shop.jobDue[shop.opJob[i]!]!;
    return Number.isFinite(due) ? work - due : work - 1e15;
  });
}
