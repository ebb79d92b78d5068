import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { demoDir, shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { loadDemo } from '../../runtime/demo/index.js';
import { createServices, type Actor, type Services } from '../../runtime/services/index.js';
import type { TestBackend } from './database.js';
import { openSnapshotDatabase } from './factory-snapshot.js';

export interface ShippedFactory {
  readonly database: OrdoDatabase;
  readonly services: Services;
  /** A signed-in demo user; throws for one not asked for, so a typo fails loudly. */
  as(username: string): Actor;
}

/**
 * The shipped make-to-order application and the KBZ demo factory on a fresh database of the
 * backend, with the given demo users signed in (password ordo-demo). `workflows` may change the
 * shipped workflows before they are published.
 */
export async function openShippedFactory(
  backend: TestBackend,
  options: {
    usernames?: readonly string[];
    workflows?: (shipped: readonly WorkflowDefinition[]) => WorkflowDefinition[];
    /** The services' clock; planning takes its today from it (the demo's dates are late 2026). */
    now?: () => Date;
    /**
     * On PGlite, restore the loaded factory from a dump when one was made for the same sources and the
     * same first clock reading (test/support/factory-snapshot.ts). Only for a clock set by the suite:
     * with the wall clock every run would make a new dump. Not with `workflows`.
     */
    snapshot?: boolean;
  } = {},
): Promise<ShippedFactory> {
  const snapshot =
    options.snapshot === true && backend.name === 'pglite' && options.workflows === undefined && options.now !== undefined
      ? await openSnapshotDatabase('shipped-factory', options.now().toISOString())
      : undefined;
  const database = snapshot?.database ?? (await backend.open());
  const services = await createServices(database, options.now === undefined ? {} : { now: options.now });
  if (snapshot?.restored !== true) {
    const loaded = await loadDefinitions(shippedDefinitionsDir);
    if (!loaded.ok) throw new Error(`shipped definitions are invalid:\n${loaded.problems.join('\n')}`);
    const { app, forms, workflows, reports, dashboards } = loaded.definitions;
    const published = options.workflows === undefined ? [...workflows] : options.workflows(workflows);
    await services.definitions.publish(
      { ...(app === undefined ? {} : { app }), forms: [...forms], workflows: published, reports: [...reports], dashboards: [...dashboards] },
      'system',
    );
    await loadDemo(services, database, demoDir);
    await snapshot?.save();
  }
  const users = new Map<string, Actor>();
  for (const username of options.usernames ?? [])
    users.set(username, await services.auth.authenticate((await services.auth.login(username, 'ordo-demo')).token));
  return {
    database,
    services,
    as(username) {
      const actor = users.get(username);
      if (actor === undefined) throw new Error(`${username} was not signed in by openShippedFactory`);
      return actor;
    },
  };
}
