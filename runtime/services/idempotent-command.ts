import { OrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { claimIdempotencyKey, findIdempotencyKey, storeIdempotentResponse, type Executor } from '../stores/index.js';
import { canonicalJson, sha256 } from './canonical-json.js';
import type { Actor } from './types.js';

const MAX_KEY_LENGTH = 255;

/**
 * Runs a command in one transaction. With an idempotency key, the key is claimed in that same
 * transaction and the result stored with it, so a retried request gets the first answer and
 * changes nothing; the same key with a different request is refused.
 */
export async function runIdempotent<T>(
  database: OrdoDatabase,
  actor: Actor,
  key: string | undefined,
  request: unknown,
  work: (trx: Executor) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (key === undefined) return { result: await database.db.transaction().execute(work), replayed: false };
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    const message = `must have 1 to ${MAX_KEY_LENGTH} characters`;
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `/headers/idempotency-key: ${message}`, { fields: [{ pointer: '/headers/idempotency-key', code: 'type', message }] });
  }
  const requestHash = sha256(canonicalJson(request));
  return database.db.transaction().execute(async (trx) => {
    if (!(await claimIdempotencyKey(trx, { userId: actor.userId, key, requestHash, at: new Date() }))) {
      const existing = await findIdempotencyKey(trx, actor.userId, key);
      if (existing === undefined || existing.response === null) throw new OrdoError('ORDO_ERR_IDEMPOTENCY_CONFLICT', 'This idempotency key is in use by a request that has not finished');
      if (existing.requestHash !== requestHash) throw new OrdoError('ORDO_ERR_IDEMPOTENCY_CONFLICT', 'This idempotency key was already used with a different request');
      return { result: existing.response as T, replayed: true };
    }
    const result = await work(trx);
    await storeIdempotentResponse(trx, actor.userId, key, result);
    return { result, replayed: false };
  });
}
