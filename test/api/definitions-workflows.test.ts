import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { demoDir, shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { loadDemo } from '../../runtime/demo/index.js';
import { buildServer } from '../../runtime/http/index.js';
import { createServices } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';

/* GET /api/definitions lists the workflows of the forms the user may read, so the web app can offer to start them. */

for (const backend of testDatabases()) {
  describe(`the definitions a user may read include their workflows on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let app: FastifyInstance;

    beforeAll(async () => {
      const loaded = await loadDefinitions(shippedDefinitionsDir);
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      database = await backend.open();
      const services = await createServices(database);
      const { app: appDefinition, forms, workflows } = loaded.definitions;
      await services.definitions.publish({ ...(appDefinition === undefined ? {} : { app: appDefinition }), forms: [...forms], workflows: [...workflows] }, 'system');
      await loadDemo(services, database, demoDir);
      app = await buildServer({ services, database });
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
