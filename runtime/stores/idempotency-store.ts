import type { Executor } from './executor.js';

export interface IdempotencyRow {
  requestHash: string;
  /** Null while the transaction that claimed the key has not stored its response. */
  response: unknown;
}

/**
 * Claims (user, key) for this transaction. Returns false when another request holds it; PostgreSQL makes
 * a concurrent claimer wait for the first one's commit or rollback, so two creates with one key give one record.
 */
export async function claimIdempotencyKey(
  db: Executor,
  claim: { userId: string; key: string; requestHash: string; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('ordo_idempotency')
    .values({ user_id: claim.userId, key: claim.key, request_hash: claim.requestHash, response: null, created_at: claim.at })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findIdempotencyKey(db: Executor, userId: string, key: string): Promise<IdempotencyRow | undefined> {
  const row = await db
    .selectFrom('ordo_idempotency')
    .select(['request_hash', 'response'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row === undefined ? undefined : { requestHash: row.request_hash, response: row.response };
}

export async function storeIdempotentResponse(db: Executor, userId: string, key: string, response: unknown): Promise<void> {
  await db
    .updateTable('ordo_idempotency')
    .set({ response: JSON.stringify(response) })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}
