import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

/*
 * The shipped sales order lifecycle on the demo factory, over HTTP with the real services: a clerk
 * starts and submits, the manager finds the task in the inbox and approves it, the timeline shows
 * both, a second approval is refused and a retried one is replayed.
 */

const ORDER = 'so-yn-jinsha-mining-1203';
const CLERK = 'li.na';
const MANAGER = 'wang.qiang';

for (const backend of testDatabases()) {
  describe(`the sales order workflow over HTTP on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let app: FastifyInstance;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      const factory = await openShippedFactory(backend);
      database = factory.database;
      app = await buildServer({ services: factory.services, database });
      for (const username of [CLERK, MANAGER]) {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'ordo-demo' } });
        expect(login.statusCode, login.body).toBe(200);
        tokens[username] = login.json().token;
      }
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    function as(username: string, method: 'GET' | 'POST', url: string, options: { json?: unknown; key?: string } = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${tokens[username]}` };
      if (options.key !== undefined) headers['idempotency-key'] = options.key;
      if (options.json === undefined) return app.inject({ method, url, headers });
      return app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(options.json) });
    }

    it('runs start, submit, inbox, approval with a comment, timeline, a refused second approval and a replay', async () => {
      const started = await as(CLERK, 'POST', '/api/workflows', { json: { workflow: 'sales-order-lifecycle', recordId: ORDER }, key: 'start-1' });
      expect(started.statusCode, started.body).toBe(201);
      const { instance } = started.json();
      expect(instance).toMatchObject({ workflow: 'sales-order-lifecycle', recordId: ORDER, status: 'running', state: 'draft', initiator: CLERK });
      expect(instance.acceptedEvents).toContain('submit');

      const restarted = await as(CLERK, 'POST', '/api/workflows', { json: { workflow: 'sales-order-lifecycle', recordId: ORDER }, key: 'start-1' });
      expect(restarted.statusCode).toBe(201);
      expect(restarted.headers['idempotent-replayed']).toBe('true');
      expect(restarted.json().instance).toEqual(instance);

      const submitted = await as(CLERK, 'POST', `/api/workflows/${instance.id}/events`, { json: { type: 'submit' } });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json().instance.state).toEqual({ review: 'deciding' });

      const inbox = await as(MANAGER, 'GET', '/api/tasks');
      expect(inbox.statusCode).toBe(200);
      expect(inbox.json()).toMatchObject({ limit: 50, offset: 0 });
      const task = inbox.json().items.find((item: { instanceId: string }) => item.instanceId === instance.id);
      expect(task).toMatchObject({ node: 'review', assignee: MANAGER, status: 'open', recordId: ORDER });
      expect((await as(CLERK, 'GET', '/api/tasks')).json().items.some((item: { id: string }) => item.id === task.id)).toBe(false);

      const approval = { outcome: 'approve', comment: '客户信用正常，同意' };
      const approved = await as(MANAGER, 'POST', `/api/tasks/${task.id}/complete`, { json: approval, key: 'approve-1' });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.headers['idempotent-replayed']).toBeUndefined();
      expect(approved.json().replayed).toBe(false);
      expect(approved.json().instance.state).toBe('feasibility');

      const detail = await as(CLERK, 'GET', `/api/workflows/${instance.id}`);
      expect(detail.statusCode).toBe(200);
      const { timeline, tasks } = detail.json();
      // The engine's own steps (assigning the task) are the system's.
      const actors = timeline.map((entry: { actor: { username: string } }) => entry.actor.username);
      expect(actors).toEqual(expect.arrayContaining([CLERK, MANAGER]));
      expect(timeline).toContainEqual(
        expect.objectContaining({ type: 'approve', comment: '客户信用正常，同意', node: 'review', actor: { username: MANAGER, displayName: '王强' } }),
      );
      expect(timeline.find((entry: { actor: { username: string } }) => entry.actor.username === CLERK).actor.displayName).toBe('李娜');
      expect(tasks).toContainEqual(expect.objectContaining({ id: task.id, status: 'approved', actedBy: MANAGER, comment: '客户信用正常，同意' }));

      const again = await as(MANAGER, 'POST', `/api/tasks/${task.id}/complete`, { json: approval, key: 'approve-2' });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(again.json()).toMatchObject({ status: 409, code: 'ORDO_ERR_TASK_NOT_ACTIVE' });

      const replayed = await as(MANAGER, 'POST', `/api/tasks/${task.id}/complete`, { json: approval, key: 'approve-1' });
      expect(replayed.statusCode).toBe(200);
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.json()).toEqual({ instance: approved.json().instance, replayed: true });

      const done = await as(MANAGER, 'GET', '/api/tasks?box=done');
      expect(done.json().items.map((item: { id: string }) => item.id)).toContain(task.id);
      const ofRecord = await as(CLERK, 'GET', `/api/forms/sales-order/records/${ORDER}/workflows`);
      expect(ofRecord.json().items.map((item: { id: string }) => item.id)).toEqual([instance.id]);
    });
  });
}
