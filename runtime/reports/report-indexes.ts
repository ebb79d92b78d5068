import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ReportDefinition } from '../../engine/definitions/index.js';
import { reportIndexes, type ReportIndex } from '../../engine/reports/index.js';
import type { Executor } from '../stores/index.js';

/**
 * Index names are derived, not taken from the definition: `ordo_rx_` plus a hash of form and key,
 * which stays within PostgreSQL's 63 characters and is the same on every run.
 */
export function reportIndexName(index: ReportIndex): string {
  return `ordo_rx_${createHash('sha256').update(`${index.form}\u0000${index.key}`).digest('hex').slice(0, 24)}`;
}

/**
 * Creates the expression indexes the published reports filter by (see engine/reports/report-indexes.ts),
 * once each: `((data->>'key')) where form = '<form>' and deleted_at is null` on ordo_records, one per
 * form, matching the expression and the conditions the report query compiles to.
 * The form and key are checked names from the definitions; they are written as literals because an
 * index expression cannot take parameters.
 */
export async function ensureReportIndexes(db: Executor, reports: readonly ReportDefinition[]): Promise<string[]> {
  const wanted = new Map(reports.flatMap((report) => reportIndexes(report)).map((index) => [reportIndexName(index), index]));
  for (const [name, index] of wanted) {
    await sql`create index if not exists ${sql.id(name)} on ordo_records ((data->>${sql.lit(index.key)})) where form = ${sql.lit(index.form)} and deleted_at is null`.execute(db);
  }
  return [...wanted.keys()];
}
