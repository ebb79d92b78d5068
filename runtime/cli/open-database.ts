import { createDatabase, type OrdoDatabase } from '../db/index.js';

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite in `dataDir` (default .ordo-data). */
export function openDatabase(dataDir: string | undefined): Promise<OrdoDatabase> {
  const url = process.env.DATABASE_URL;
  return createDatabase(url !== undefined && url !== '' ? { url } : dataDir === undefined ? {} : { dataDir });
}
