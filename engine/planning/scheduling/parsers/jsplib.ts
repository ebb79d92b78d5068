import type { ShopJob, ShopModel } from '../model/index.js';
import { checkDuration, instanceError, readHeader, readInstanceLines } from './instance-text.js';

/**
 * Reads the JSPLIB / OR-Library job-shop format: "<jobs> <machines>", then one line per job of
 * "<machine> <time>" pairs in processing order, machines numbered from 0. Like the shared checker, it
 * also takes the same numbers wrapped differently, and job lines with fewer pairs than machines.
 */
export function parseJsplib(text: string): ShopModel {
  const [header, ...body] = readInstanceLines(text, 'jsplib');
  const { jobs, machines } = readHeader(header!, 'jsplib', 0);
  const all = body.flatMap((line) => line.numbers);
  let rows: (readonly number[])[];
  if (body.length === jobs && body.every((line) => line.numbers.length > 0 && line.numbers.length % 2 === 0)) {
    rows = body.map((line) => line.numbers);
  } else if (all.length === 2 * jobs * machines) {
    rows = Array.from({ length: jobs }, (_, j) => all.slice(j * 2 * machines, (j + 1) * 2 * machines));
  } else {
    throw instanceError(`jsplib: expected ${jobs} job lines of "<machine> <time>" pairs, found ${body.length} lines with ${all.length} numbers`);
  }
  const shopJobs: ShopJob[] = rows.map((row, j) => ({
    operations: Array.from({ length: row.length / 2 }, (_, k) => {
      const machine = row[2 * k]!;
      const duration = row[2 * k + 1]!;
      if (machine < 0 || machine >= machines) throw instanceError(`jsplib job ${j} op ${k}: machine ${machine} is outside 0..${machines - 1}`);
      checkDuration(duration, `jsplib job ${j} op ${k}`);
      return { alternatives: [{ machine, duration }] };
    }),
  }));
  return { machineCount: machines, jobs: shopJobs };
}
