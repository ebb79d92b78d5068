import { auditValues, type AuditEntry } from './audit-store.js';
import type { Executor } from './executor.js';
import { historyValues, type NewHistoryRow } from './record-history-store.js';
import { newRecordValues, type NewRecordRow, type RecordRow } from './records-store.js';

/**
 * Inserts a new record with its history and audit rows in one statement (data-modifying CTEs):
 * atomic without an explicit transaction, and one round trip instead of five, since a create is the
 * hottest write path.
 */
export async function insertRecordWithTrail(
  db: Executor,
  record: NewRecordRow,
  history: NewHistoryRow,
  audit: AuditEntry,
): Promise<RecordRow> {
  return db
    .with('history', (q) => q.insertInto('ordo_record_history').values(historyValues(history)))
    .with('audit', (q) => q.insertInto('ordo_audit').values(auditValues(audit)))
    .insertInto('ordo_records')
    .values(newRecordValues(record))
    .returningAll()
    .executeTakeFirstOrThrow();
}
