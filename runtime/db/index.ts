export { createDatabase, DEFAULT_DATA_DIR, type CreateDatabaseOptions, type OrdoDatabase } from './create-database.js';
export { migrateToLatest } from './migrate.js';
export { preparedStatement } from './prepared-statements.js';
export type * from './schema.js';
