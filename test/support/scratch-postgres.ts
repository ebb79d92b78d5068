import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the multi-process tests and benches use; undefined means they skip. */
export function postgresServerUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

export interface ScratchDatabase {
  /** The URL of the new database, for this process and for spawned `ordo` processes alike. */
  readonly url: string;
  /** Drops it, closing whatever connections are left (a killed process's included). */
  drop(): Promise<void>;
}

/**
 * An empty database `<prefix>_<random>` on the server at `serverUrl`. Unlike testDatabases(), it
 * hands out the URL, so that other processes can be pointed at the same database.
 */
export async function createScratchDatabase(serverUrl: string, prefix = 'ordo_test'): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new TypeError(`not a safe database name prefix: ${prefix}`);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** `url` with `application_name` set, so that PostgreSQL can tell apart the processes sharing a database. */
export function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}

// Names reach the statement only from the checked prefix and hex digits above.
async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
