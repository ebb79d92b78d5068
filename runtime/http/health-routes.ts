import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { OrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../db/index.js';

export interface HealthRoutesOptions {
  database: OrdoDatabase | undefined;
}

const PING_TIMEOUT_MS = 2_000;

/** GET /api/health, public: 200 when the database answers, 503 problem+json when it does not. */
export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, { database }) => {
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['health'], summary: 'Is the server and its database up', security: [] } },
    async () => {
      if (database === undefined) return { status: 'ok', database: 'not-checked' };
      const startedAt = performance.now();
      try {
        await withTimeout(sql`select 1`.execute(database.db), PING_TIMEOUT_MS);
      } catch (error) {
        throw new OrdoError('ORDO_ERR_DATABASE_UNAVAILABLE', 'The database did not answer.', {
          cause: error,
          extra: { database: 'unavailable' },
        });
      }
      return { status: 'ok', database: 'ok', dialect: database.dialect, latencyMs: Math.round(performance.now() - startedAt) };
    },
  );
};

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
