import type { Executor } from './executor.js';

export interface AuditEntry {
  at: Date;
  actor: { id: string | null; username: string };
  /** What happened, e.g. `login`, `login.failed`, `record.create`, `definitions.publish`. */
  action: string;
  target?: { kind: string; id: string };
  detail?: Record<string, unknown>;
}

/** The column values of one audit row. */
export function auditValues(entry: AuditEntry) {
  return {
    at: entry.at,
    actor_id: entry.actor.id,
    actor_username: entry.actor.username,
    action: entry.action,
    target_kind: entry.target?.kind ?? null,
    target_id: entry.target?.id ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

export async function insertAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insertInto('ordo_audit').values(auditValues(entry)).execute();
}
