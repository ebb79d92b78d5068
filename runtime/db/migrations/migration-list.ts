import type { Migration } from 'kysely';
import { initialMigration } from './0001-initial.js';

/** Every migration, by name in the order they run. Imported, not scanned from a folder, so bundling and tsx agree. */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-initial': initialMigration,
});
