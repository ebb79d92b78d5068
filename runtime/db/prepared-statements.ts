import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** SQL text -> statement name, for the few statements every request or transition runs. */
const names = new Map<string, string>();
const taken = new Set<string>();

/**
 * Marks `text` as a statement PostgreSQL keeps prepared on each connection under `name`: parsed
 * and planned once per connection instead of on every run. kysely's pg driver sends every query
 * unnamed, and on the workflow hot path parse and plan cost PostgreSQL more CPU than executing
 * (BENCHMARKS.md, bench:workflow). Only for constant SQL: each distinct text holds a plan on every
 * connection for its lifetime. Returns `text`, for use with CompiledQuery.raw.
 */
export function preparedStatement(name: string, text: string): string {
  const known = names.get(text);
  if (known === name) return text;
  // PostgreSQL refuses a second text under a name a connection has prepared already.
  if (known !== undefined || taken.has(name)) throw new TypeError(`statement "${name}" is not one name for one text`);
  names.set(text, name);
  taken.add(name);
  return text;
}

/**
 * The pool kysely's PostgresDialect draws from, sending the statements marked above by name. One
 * wrapper per pg client, so kysely's per-client connection state keeps its identity.
 */
export function namedStatementPool(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(textOrCursor: string | PostgresCursor<R>, parameters: ReadonlyArray<unknown> = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never) as PostgresCursor<R>;
      const name = names.get(textOrCursor);
      // pg copies a config object property by property on every query, so the rest go as text and values.
      const result = name === undefined ? client.query(textOrCursor, [...parameters]) : client.query({ name, text: textOrCursor, values: [...parameters] });
      // pg types rows as its own QueryResultRow; kysely types them by the query.
      return result as unknown as Promise<PostgresQueryResult<R>>;
    }
    const wrapper: PostgresPoolClient = { query, release: () => client.release() };
    wrappers.set(client, wrapper);
    return wrapper;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      return wrappers.get(client) ?? wrap(client);
    },
    end: () => pool.end(),
  };
}
