import { Migrator, type Kysely } from 'kysely';
import { OrdoError } from '../../engine/errors/index.js';
import { migrations } from './migrations/index.js';
import type { DatabaseSchema } from './schema.js';

/** Brings the schema up to date; safe to run on every start (applied migrations are skipped). */
export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    migrationTableName: 'ordo_migrations',
    migrationLockTableName: 'ordo_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new OrdoError('ORDO_ERR_INTERNAL', `Database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
