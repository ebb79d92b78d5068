import type { CompiledShop } from '../model/index.js';
import type { ShopState } from './shop-state.js';

/**
 * The factory objective, weighted tardiness first and makespan second, folded into one number:
 * sum(weight x max(0, end - due)) x scale + makespan, where scale exceeds any makespan the shop can have,
 * so a smaller tardiness always wins and the makespan only breaks ties. The sum stays exact in a double
 * while tardiness x scale is below 2^53, which holds for factory horizons of minutes over years.
 */
export class TardinessCost {
  private readonly jobLast: Int32Array;
  private readonly scale: number;

  constructor(private readonly shop: CompiledShop) {
    this.jobLast = Int32Array.from({ length: shop.jobCount }, (_, j) => shop.jobStart[j + 1]! - 1);
    let longest = 0;
    let latestRelease = 0;
    for (let i = 0; i < shop.operationCount; i++) {
      let max = 0;
      for (let a = shop.altStart[i]!; a < shop.altStart[i + 1]!; a++) max = Math.max(max, shop.altDuration[a]!);
      longest += max;
      latestRelease = Math.max(latestRelease, shop.release[i]!);
    }
    this.scale = longest + latestRelease + 1;
  }

  weightedTardiness(state: ShopState): number {
    const { jobDue, jobWeight } = this.shop;
    let total = 0;
    for (let j = 0; j < this.jobLast.length; j++) {
      const last = this.jobLast[j]!;
      const late = state.head[last]! + state.dur[last]! - jobDue[j]!;
      if (late > 0) total += jobWeight[j]! * late;
    }
    return total;
  }

  cost(state: ShopState): number {
    return this.weightedTardiness(state) * this.scale + state.makespan;
  }

  /** Writes the last operations of the jobs that end after their due date into `into`; returns how many. */
  lateEnds(state: ShopState, into: Int32Array): number {
    let count = 0;
    for (let j = 0; j < this.jobLast.length; j++) {
      const last = this.jobLast[j]!;
      if (this.shop.jobWeight[j]! > 0 && state.head[last]! + state.dur[last]! > this.shop.jobDue[j]!) into[count++] = last;
    }
    return count;
  }
}
