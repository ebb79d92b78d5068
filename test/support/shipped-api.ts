import type { FastifyInstance } from 'fastify';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import type { Services } from '../../runtime/services/index.js';
import type { TestBackend } from './database.js';
import { openShippedFactory } from './shipped-factory.js';

export interface ShippedApi {
  readonly app: FastifyInstance;
  readonly database: OrdoDatabase;
  readonly services: Services;
  /** The session token of a demo user signed in at the start; throws for one not asked for. */
  token(username: string): string;
  /** The authorization header of a demo user signed in at the start. */
  as(username: string): { authorization: string };
}

/** The shipped factory behind an in-process server, with these demo users signed in. */
export async function openShippedApi(backend: TestBackend, usernames: readonly string[], options: { now?: () => Date } = {}): Promise<ShippedApi> {
  const factory = await openShippedFactory(backend, options);
  const app = await buildServer({ services: factory.services, database: factory.database });
  const tokens = new Map<string, string>();
  for (const username of usernames) {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'ordo-demo' } });
    tokens.set(username, login.json().token);
  }
  const token = (username: string) => {
    const signedIn = tokens.get(username);
    if (signedIn === undefined) throw new Error(`${username} was not signed in by openShippedApi`);
    return signedIn;
  };
  return { app, database: factory.database, services: factory.services, token, as: (username) => ({ authorization: `Bearer ${token(username)}` }) };
}
