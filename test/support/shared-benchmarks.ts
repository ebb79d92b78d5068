import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InstanceFormat, Schedule } from '../../engine/planning/scheduling/index.js';

/** The public benchmark instances and checker live next to the repository (../shared), not in it. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const HAS_SHARED = existsSync(`${SHARED}tools/check-schedule.mjs`);

export function benchmarkText(relative: string): string {
  return readFileSync(`${SHARED}benchmarks/${relative}`, 'utf8');
}

export interface SharedChecker {
  parseInstance(text: string, format: InstanceFormat): { ops: Array<Array<Array<{ machine: number; duration: number }>>> };
  checkSchedule(instance: unknown, schedule: Schedule): { ok: boolean; error?: string };
}

export async function sharedChecker(): Promise<SharedChecker> {
  return (await import(pathToFileURL(`${SHARED}tools/check-schedule.mjs`).href)) as SharedChecker;
}
