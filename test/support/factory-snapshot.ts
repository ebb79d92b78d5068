import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest, type DatabaseSchema, type OrdoDatabase } from '../../runtime/db/index.js';

/*
 * A loaded PGlite database kept as a data-directory dump in the OS temp folder, so the next suite that
 * needs the same data restores it (about half a second of CPU) instead of creating a cluster, migrating
 * and loading it again (about six seconds for the shipped factory). The key covers every source file the
 * data comes from (runtime, engine, definitions) and whatever the caller adds (the clock's reading): a
 * change to any of them makes a new dump. Dumps are written under a temporary name and renamed, so
 * suites running in parallel never read half a file; a new dump removes the older ones of its name.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = ['runtime', 'engine', 'definitions'];
const SNAPSHOT_DIR = path.join(tmpdir(), 'ordo-test-snapshots');

export interface SnapshotDatabase {
  readonly database: OrdoDatabase;
  /** True when the data came from a dump: the caller must not load it again. */
  readonly restored: boolean;
  /** Writes the dump (after the caller loaded the data into a fresh database); nothing when restored. */
  save(): Promise<void>;
}

export async function openSnapshotDatabase(name: string, extraKey: string): Promise<SnapshotDatabase> {
  const file = path.join(SNAPSHOT_DIR, `${name}-${await sourcesHash(extraKey)}.tar`);
  const dump = await readFile(file).catch(() => undefined);
  if (dump !== undefined) {
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
    return { database: wrap(pglite), restored: true, save: async () => undefined };
  }
  const pglite = await PGlite.create('memory://');
  const database = wrap(pglite);
  await migrateToLatest(database.db);
  return {
    database,
    restored: false,
    async save() {
      const data = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
      await mkdir(SNAPSHOT_DIR, { recursive: true });
      const partial = `${file}.${process.pid}.${Date.now()}`;
      await writeFile(partial, data);
      await rename(partial, file);
      // Dumps of older sources are never read again: about 40 MB each.
      const stale = (await readdir(SNAPSHOT_DIR)).filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.tar') && entry !== path.basename(file));
      await Promise.all(stale.map((entry) => rm(path.join(SNAPSHOT_DIR, entry), { force: true })));
    },
  };
}

function wrap(pglite: PGlite): OrdoDatabase {
  const db = new Kysely<DatabaseSchema>({ dialect: new PGliteDialect(pglite) });
  return { db, dialect: 'pglite', close: () => db.destroy() };
}

async function sourcesHash(extraKey: string): Promise<string> {
  const hash = createHash('sha256').update(extraKey);
  for (const source of SOURCES) {
    const entries = (await readdir(path.join(ROOT, source), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const files = entries.map((entry) => path.join(entry.parentPath ?? entry.path, entry.name)).sort();
    for (const file of files)
      hash
        .update(path.relative(ROOT, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
