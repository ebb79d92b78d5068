import { OrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { claimIdempotencyKey, findIdempotencyKey, storeIdempotentResponse, type Executor } from '../stores/index.js';
import { canonicalJson, sha256 } from './canonical-json.js';
import type { Actor } from './types.js';

const MAX_KEY_LENGTH = 255;

function requireKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    const message = `must have 1 to ${MAX_KEY_LENGTH} characters`;
    throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `/headers/idempotency-key: ${message}`, { fields: [{ pointer: '/headers/idempotency-key', code: 'type', message }] });
  }
}

/** The stored answer of an earlier request with this key, if it finished; refuses a different request under the same key. */
async function storedAnswer(exec: Executor, actor: Actor, key: string, requestHash: string): Promise<{ found: boolean; response: unknown }> {
  const existing = await findIdempotencyKey(exec, actor.userId, key);
  if (existing === undefined) return { found: false, response: undefined };
  if (existing.requestHash !== requestHash) throw new OrdoError('ORDO_ERR_IDEMPOTENCY_CONFLICT', 'This idempotency key was already used with a different request');
  return { found: existing.response !== null, response: existing.response };
}

/**
 * The first answer to a request already made with this key, looked up before any work: a replay
 * should cost one read, and must not draw serial numbers again.
 */
export async function findReplay(exec: Executor, actor: Actor, key: string, request: unknown): Promise<unknown> {
  requireKey(key);
  const answer = await storedAnswer(exec, actor, key, sha256(canonicalJson(request)));
  return answer.found ? answer.response : undefined;
}

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
  requireKey(key);
  const requestHash = sha256(canonicalJson(request));
  return database.db.transaction().execute(async (trx) => {
    if (!(await claimIdempotencyKey(trx, { userId: actor.userId, key, requestHash, at: new Date() }))) {
      // Another request committed this key while this one worked: answer as it did.
      const answer = await storedAnswer(trx, actor, key, requestHash);
      if (!answer.found) throw new OrdoError('ORDO_ERR_IDEMPOTENCY_CONFLICT', 'This idempotency key is in use by a request that has not finished');
      return { result: answer.response as T, replayed: true };
    }
    const result = await work(trx);
    await storeIdempotentResponse(trx, actor.userId, key, result);
    return { result, replayed: false };
  });
}
