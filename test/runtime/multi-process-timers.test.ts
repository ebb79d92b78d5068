import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDefinition, FormDefinition, WorkflowDefinition } from '../../engine/definitions/index.js';
import { createDatabase, type OrdoDatabase } from '../../runtime/db/index.js';
import { createServices, type Actor } from '../../runtime/services/index.js';
import { startServe, type ServeProcess } from '../support/ordo-serve-process.js';
import { createScratchDatabase, postgresServerUrl, withApplicationName, type ScratchDatabase } from '../support/scratch-postgres.js';
import { workflowInvariantViolations } from '../support/workflow-invariants.js';

/*
 * A timer storm shared by three `ordo serve` processes on one PostgreSQL (runtime-anchors R9, G5,
 * G7): 1,000 instances wait on a timer that falls due for all of them at the same instant; every
 * process's timer worker claims with SKIP LOCKED. Each instance must move exactly once.
 */

const INSTANCES = 1000;
const PROCESSES = 3;
const text = (en: string) => ({ en, 'zh-CN': en });

const APP: AppDefinition = {
  kind: 'app',
  id: 'storm-test',
  version: 1,
  title: text('Timer storm'),
  roles: [
    { id: 'admin', title: text('Administrator'), canDesign: true },
    { id: 'clerk', title: text('Clerk') },
  ],
  navigation: [{ title: text('Tickets'), forms: ['ticket'] }],
};

const TICKET_FORM: FormDefinition = {
  kind: 'form',
  id: 'ticket',
  version: 1,
  title: text('Ticket'),
  schema: { type: 'object', properties: { title: { type: 'string', maxLength: 100 } } },
  access: { read: ['clerk'], create: ['clerk'], update: ['clerk'] },
  titleField: 'title',
};

const TICKET_WAIT: WorkflowDefinition = {
  kind: 'workflow',
  id: 'ticket-wait',
  version: 1,
  title: text('Ticket wait'),
  form: 'ticket',
  initial: 'draft',
  states: {
    draft: { on: { go: { target: 'waiting' } } },
    waiting: { wait: { after: 'PT0M', then: { target: 'done' } } },
    done: { type: 'final' },
  },
};

const serverUrl = postgresServerUrl();

describe.skipIf(serverUrl === undefined)('a timer storm across three ordo serve processes (PostgreSQL only; skipped without DATABASE_URL)', () => {
  let scratch: ScratchDatabase;
  let database: OrdoDatabase;
  let dir: string;
  const processes: ServeProcess[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ordo-storm-'));
    const definitions = path.join(dir, 'definitions');
    await mkdir(path.join(definitions, 'forms'), { recursive: true });
    await mkdir(path.join(definitions, 'workflows'), { recursive: true });
    await writeFile(path.join(definitions, 'app.json'), JSON.stringify(APP));
    await writeFile(path.join(definitions, 'forms', 'ticket.json'), JSON.stringify(TICKET_FORM));
    await writeFile(path.join(definitions, 'workflows', 'ticket-wait.json'), JSON.stringify(TICKET_WAIT));

    scratch = await createScratchDatabase(serverUrl ?? '');
    database = await createDatabase({ url: scratch.url, production: false, warn: () => undefined });
    const services = await createServices(database);
    await services.definitions.publish({ app: APP, forms: [TICKET_FORM], workflows: [TICKET_WAIT] }, 'system');
    const added = await services.auth.addUser({ username: 'cleo', roles: ['clerk'], password: 'correct horse battery' });
    const clerk: Actor = { userId: added.id, username: added.username, displayName: added.displayName, roles: added.roles, locale: added.locale };

    let next = 0;
    const drive = async () => {
      for (let n = next++; n < INSTANCES; n = next++) {
        const { record } = await services.records.create(clerk, 'ticket', { title: `ticket ${n}` });
        const { instance } = await services.workflows.start(clerk, 'ticket-wait', record.id);
        await services.workflows.sendEvent(clerk, instance.id, { type: 'go' });
      }
    };
    await Promise.all(Array.from({ length: 8 }, drive));

    // Which process fired which timer: a trigger in this throwaway database notes the application_name of the writing connection.
    await sql`create table test_timer_fires (instance_id text not null, process text not null)`.execute(database.db);
    await sql`create function test_note_fire() returns trigger language plpgsql as $$
      begin insert into test_timer_fires values (new.instance_id, current_setting('application_name')); return new; end $$`.execute(database.db);
    await sql`create trigger test_note_fire after insert on ordo_workflow_events for each row
      when (new.type = 'ordo.timer') execute function test_note_fire()`.execute(database.db);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((child) => child.kill()));
    await database?.close();
    await scratch?.drop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('fires each of 1,000 simultaneous timers exactly once, the work shared by every process', async () => {
    const waiting = await sql<{ n: number }>`select count(*)::int as n from ordo_timers where kind = 'wait'`.execute(database.db);
    expect(waiting.rows[0]?.n).toBe(INSTANCES);
    // Held back until every process listens, then due for all at the same database instant.
    await sql`update ordo_timers set due_at = now() + interval '1 hour'`.execute(database.db);
    const started = await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) =>
        startServe({ definitionsDir: path.join(dir, 'definitions'), databaseUrl: withApplicationName(scratch.url, `ordo-serve-${i + 1}`), cwd: dir }),
      ),
    );
    processes.push(...started);
    await sql`update ordo_timers set due_at = now()`.execute(database.db);

    const releasedAt = Date.now();
    for (;;) {
      const left = await sql<{ n: number }>`select count(*)::int as n from ordo_timers`.execute(database.db);
      if (left.rows[0]?.n === 0) break;
      if (Date.now() - releasedAt > 45_000) throw new Error(`${left.rows[0]?.n} timers still due after 45 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const drainSeconds = (Date.now() - releasedAt) / 1000;
    const codes = await Promise.all(processes.map((child) => child.stop()));
    expect(codes, processes.map((child) => child.output()).join('\n')).toEqual(Array(PROCESSES).fill(0));

    const perInstance = await sql<{ instance_id: string; n: number }>`
      select i.id as instance_id, count(e.seq)::int as n from ordo_workflow_instances i
      left join ordo_workflow_events e on e.instance_id = i.id and e.type = 'ordo.timer'
      group by i.id having count(e.seq) <> 1`.execute(database.db);
    expect(perInstance.rows).toEqual([]);
    const statuses = await sql<{ status: string; n: number }>`select status, count(*)::int as n from ordo_workflow_instances group by status`.execute(database.db);
    expect(statuses.rows).toEqual([{ status: 'done', n: INSTANCES }]);
    const duplicates = await sql<{ instance_id: string }>`
      select instance_id from ordo_workflow_events group by instance_id, seq having count(*) > 1`.execute(database.db);
    expect(duplicates.rows).toEqual([]);
    expect(await workflowInvariantViolations(database.db)).toEqual([]);

    const shares = await sql<{ process: string; n: number }>`select process, count(*)::int as n from test_timer_fires group by process order by process`.execute(database.db);
    console.log(`${INSTANCES} timers drained in ${drainSeconds.toFixed(1)} s by ${PROCESSES} processes: ${shares.rows.map((row) => `${row.process} ${row.n}`).join(', ')}`);
    expect(shares.rows.map((row) => row.process)).toEqual(Array.from({ length: PROCESSES }, (_, i) => `ordo-serve-${i + 1}`));
    expect(shares.rows.reduce((sum, row) => sum + row.n, 0)).toBe(INSTANCES);
  }, 90_000);
});
