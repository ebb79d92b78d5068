import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/index.js';

/** A Kysely instance or a transaction over it (a Transaction is a Kysely): every store takes either. */
export type Executor = Kysely<DatabaseSchema>;

/** pg and PGlite both report a unique-constraint violation with SQLSTATE 23505. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
