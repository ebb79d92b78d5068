import { performance } from 'node:perf_hooks';
import { roundMs } from '../planning/index.js';
import type { Executor } from '../stores/index.js';
import { shopFloorFromRecords, type ShopFloor, type ShopFloorOptions } from './shop-floor-from-records.js';
import { loadShopFloorRecords } from './shop-floor-records.js';

export interface LoadedShopFloor extends ShopFloor {
  /** Milliseconds spent reading the records and building the request. */
  loadMs: number;
}

/** The schedule request of the factory's records, in five bulk queries, timed. */
export async function loadShopFloor(db: Executor, options: ShopFloorOptions): Promise<LoadedShopFloor> {
  const started = performance.now();
  const floor = shopFloorFromRecords(await loadShopFloorRecords(db), options);
  return { ...floor, loadMs: roundMs(performance.now() - started) };
}
