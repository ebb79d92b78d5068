import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

/* GET /api/definitions lists the workflows of the forms the user may read, so the web app can offer to start them. */

for (const backend of testDatabases()) {
  describe(`the definitions a user may read include their workflows on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let app: FastifyInstance;

    beforeAll(async () => {
      const factory = await openShippedFactory(backend);
      database = factory.database;
      app = await buildServer({ services: factory.services, database });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    async function definitionsOf(username: string): Promise<{ forms: { id: string }[]; workflows: { id: string; form: string }[] }> {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'ordo-demo' } });
      const response = await app.inject({ method: 'GET', url: '/api/definitions', headers: { authorization: `Bearer ${login.json().token}` } });
      expect(response.statusCode).toBe(200);
      return response.json();
    }

    it('gives the sales clerk the sales order lifecycle, and only workflows of forms she may read', async () => {
      const { forms, workflows } = await definitionsOf('li.na');
      expect(workflows.map((workflow) => workflow.id)).toContain('sales-order-lifecycle');
      const readable = new Set(forms.map((form) => form.id));
      for (const workflow of workflows) expect(readable.has(workflow.form)).toBe(true);
    });

    it('leaves out the workflows of forms the user may not read', async () => {
      const { forms, workflows } = await definitionsOf('liu.yang');
      expect(forms.map((form) => form.id)).not.toContain('sales-order');
      expect(workflows.map((workflow) => workflow.id)).not.toContain('sales-order-lifecycle');
    });
  });
}
