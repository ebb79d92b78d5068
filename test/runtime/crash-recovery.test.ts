import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDefinition, FormDefinition, WorkflowDefinition } from '../../engine/definitions/index.js';
import { createDatabase, type OrdoDatabase } from '../../runtime/db/index.js';
import { createServices, type Actor } from '../../runtime/services/index.js';
import { createHttpClient, type HttpAnswer, type HttpClient } from '../support/http-client.js';
import { startServe, type ServeProcess } from '../support/ordo-serve-process.js';
import { createScratchDatabase, postgresServerUrl, type ScratchDatabase } from '../support/scratch-postgres.js';
import { workflowInvariantViolations } from '../support/workflow-invariants.js';

/*
 * SIGKILL under load (runtime-anchors R11, R7, R20; guarantees G1, G3, G6): one `ordo serve`
 * process takes concurrent start and submit commands, each with its own Idempotency-Key, and is
 * killed mid-load. A new process on the same database must show every acknowledged command in the
 * log, a consistent store, and answer every retried request with its first answer or do it once.
 */

const RECORDS = 400;
const CLIENTS = 32;
/** Kill once this many commands (of 2 x RECORDS) were acknowledged. */
const KILL_AFTER = 300;
const PASSWORD = 'correct horse battery';
const text = (en: string) => ({ en, 'zh-CN': en });

const APP: AppDefinition = {
  kind: 'app',
  id: 'crash-test',
  version: 1,
  title: text('Crash test'),
  roles: [
    { id: 'admin', title: text('Administrator'), canDesign: true },
    { id: 'clerk', title: text('Clerk') },
    { id: 'approver', title: text('Approver') },
  ],
  navigation: [{ title: text('Claims'), forms: ['claim'] }],
};

const CLAIM_FORM: FormDefinition = {
  kind: 'form',
  id: 'claim',
  version: 1,
  title: text('Claim'),
  schema: { type: 'object', properties: { title: { type: 'string', maxLength: 100 } } },
  access: { read: ['clerk', 'approver'], create: ['clerk'], update: ['clerk'] },
  titleField: 'title',
};

const CLAIM_REVIEW: WorkflowDefinition = {
  kind: 'workflow',
  id: 'claim-review',
  version: 1,
  title: text('Claim review'),
  form: 'claim',
  initial: 'draft',
  states: {
    draft: { on: { submit: { target: 'review' } } },
    review: { task: { assignees: [{ role: 'approver' }], onApproved: { target: 'approved' } } },
    approved: { type: 'final' },
  },
};

interface InstanceAnswer {
  instance: { id: string; revision: number; state: unknown };
  replayed: boolean;
}

/** One command as the client sent it, and what it heard back before the kill, if anything. */
interface Sent {
  kind: 'start' | 'submit';
  recordId: string;
  key: string;
  answer?: HttpAnswer;
}

const serverUrl = postgresServerUrl();

describe.skipIf(serverUrl === undefined)('recovery from SIGKILL under load (PostgreSQL only; skipped without DATABASE_URL)', () => {
  let scratch: ScratchDatabase;
  let database: OrdoDatabase;
  let dir: string;
  let recordIds: string[] = [];
  const processes: ServeProcess[] = [];
  const clients: HttpClient[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ordo-crash-'));
    const definitions = path.join(dir, 'definitions');
    await mkdir(path.join(definitions, 'forms'), { recursive: true });
    await mkdir(path.join(definitions, 'workflows'), { recursive: true });
    await writeFile(path.join(definitions, 'app.json'), JSON.stringify(APP));
    await writeFile(path.join(definitions, 'forms', 'claim.json'), JSON.stringify(CLAIM_FORM));
    await writeFile(path.join(definitions, 'workflows', 'claim-review.json'), JSON.stringify(CLAIM_REVIEW));

    scratch = await createScratchDatabase(serverUrl ?? '');
    database = await createDatabase({ url: scratch.url, production: false, warn: () => undefined });
    const services = await createServices(database);
    await services.definitions.publish({ app: APP, forms: [CLAIM_FORM], workflows: [CLAIM_REVIEW] }, 'system');
    const added = await services.auth.addUser({ username: 'cleo', roles: ['clerk'], password: PASSWORD });
    await services.auth.addUser({ username: 'abe', roles: ['approver'], password: PASSWORD });
    const clerk: Actor = { userId: added.id, username: added.username, displayName: added.displayName, roles: added.roles, locale: added.locale };
    let next = 0;
    const create = async () => {
      const ids: string[] = [];
      for (let n = next++; n < RECORDS; n = next++) ids.push((await services.records.create(clerk, 'claim', { title: `claim ${n}` })).record.id);
      return ids;
    };
    recordIds = (await Promise.all(Array.from({ length: 8 }, create))).flat();
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(processes.map((child) => child.kill()));
    await database?.close();
    await scratch?.drop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  async function serve(): Promise<{ server: ServeProcess; client: HttpClient; headers: Record<string, string> }> {
    const server = await startServe({ definitionsDir: path.join(dir, 'definitions'), databaseUrl: scratch.url, cwd: dir });
    processes.push(server);
    const client = createHttpClient(server.url, { maxSockets: CLIENTS });
    clients.push(client);
    const login = await client.request('POST', '/api/auth/login', { json: { username: 'cleo', password: PASSWORD } });
    expect(login.status).toBe(200);
    return { server, client, headers: { authorization: `Bearer ${(login.body as { token: string }).token}` } };
  }

  const ok = (answer: HttpAnswer | undefined): answer is HttpAnswer => answer !== undefined && answer.status >= 200 && answer.status < 300;
  const instanceOf = (answer: HttpAnswer) => (answer.body as InstanceAnswer).instance;

  it('keeps every acknowledged command, stays consistent, and answers every retry once', async () => {
    const first = await serve();
    const sent: Sent[] = [];
    let acknowledged = 0;
    let killing: Promise<void> | undefined;
    const acknowledge = () => {
      acknowledged += 1;
      if (acknowledged === KILL_AFTER) killing = first.server.kill();
    };

    // Each client works through its records: start, then submit; after the kill, connections fail and it stops.
    let next = 0;
    const client = async () => {
      for (let n = next++; n < recordIds.length && killing === undefined; n = next++) {
        const recordId = recordIds[n] as string;
        const start: Sent = { kind: 'start', recordId, key: `start-${recordId}` };
        sent.push(start);
        try {
          start.answer = await first.client.request('POST', '/api/workflows', {
            json: { workflow: 'claim-review', recordId },
            headers: { ...first.headers, 'idempotency-key': start.key },
          });
        } catch {
          return;
        }
        expect(start.answer.status, JSON.stringify(start.answer.body)).toBe(201);
        acknowledge();
        if (killing !== undefined) return;
        const submit: Sent = { kind: 'submit', recordId, key: `submit-${recordId}` };
        sent.push(submit);
        try {
          submit.answer = await first.client.request('POST', `/api/workflows/${instanceOf(start.answer).id}/events`, {
            json: { type: 'submit' },
            headers: { ...first.headers, 'idempotency-key': submit.key },
          });
        } catch {
          return;
        }
        expect(submit.answer.status, JSON.stringify(submit.answer.body)).toBe(200);
        acknowledge();
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await killing;
    expect(killing, 'the load ended before the kill').toBeDefined();
    const unanswered = sent.filter((command) => command.answer === undefined);

    // Acknowledged = durable: the log holds every command the client heard a 2xx for.
    const answered = sent.filter((command) => ok(command.answer));
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);
    for (const command of answered) {
      const instance = instanceOf(command.answer as HttpAnswer);
      const types = await sql<{ type: string; seq: number }>`
        select type, seq from ordo_workflow_events where instance_id = ${instance.id} order by seq`.execute(database.db);
      expect(types.rows.map((row) => row.type)).toContain(command.kind === 'start' ? 'ordo.start' : 'submit');
      const stored = await sql<{ revision: number }>`select revision from ordo_workflow_instances where id = ${instance.id}`.execute(database.db);
      expect(stored.rows[0]?.revision).toBeGreaterThanOrEqual(instance.revision);
    }
    expect(await workflowInvariantViolations(database.db)).toEqual([]);

    const second = await serve();
    const retry = (command: Sent, instanceId: string) =>
      command.kind === 'start'
        ? second.client.request('POST', '/api/workflows', { json: { workflow: 'claim-review', recordId: command.recordId }, headers: { ...second.headers, 'idempotency-key': command.key } })
        : second.client.request('POST', `/api/workflows/${instanceId}/events`, { json: { type: 'submit' }, headers: { ...second.headers, 'idempotency-key': command.key } });

    // Every record's two commands again, with the keys of the first attempt (new keys for commands never sent).
    const byKey = new Map(sent.map((command) => [command.key, command]));
    let inFlightCommitted = 0;
    let cursor = 0;
    const retrier = async () => {
      for (let n = cursor++; n < recordIds.length; n = cursor++) {
        const recordId = recordIds[n] as string;
        let instanceId = '';
        for (const kind of ['start', 'submit'] as const) {
          const key = `${kind}-${recordId}`;
          const before = byKey.get(key);
          const answer = await retry(before ?? { kind, recordId, key }, instanceId);
          expect(answer.status, JSON.stringify(answer.body)).toBe(kind === 'start' ? 201 : 200);
          if (before !== undefined && ok(before.answer)) {
            expect(answer.headers['idempotent-replayed']).toBe('true');
            expect(instanceOf(answer)).toEqual(instanceOf(before.answer));
          }
          if (before !== undefined && before.answer === undefined && answer.headers['idempotent-replayed'] === 'true') inFlightCommitted += 1;
          instanceId = instanceOf(answer).id;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, retrier));

    // Once each: one instance per record, one start and one submit per instance, each record in review.
    const perRecord = await sql<{ record_id: string; instances: number; starts: number; submits: number }>`
      select i.record_id, count(distinct i.id)::int as instances,
        (count(*) filter (where e.type = 'ordo.start'))::int as starts,
        (count(*) filter (where e.type = 'submit'))::int as submits
      from ordo_workflow_instances i join ordo_workflow_events e on e.instance_id = i.id
      group by i.record_id`.execute(database.db);
    expect(perRecord.rows).toHaveLength(RECORDS);
    expect(perRecord.rows.filter((row) => row.instances !== 1 || row.starts !== 1 || row.submits !== 1)).toEqual([]);
    const open = await sql<{ n: number }>`select count(*)::int as n from ordo_tasks where status = 'open'`.execute(database.db);
    expect(open.rows[0]?.n).toBe(RECORDS);
    expect(await workflowInvariantViolations(database.db)).toEqual([]);
    console.log(
      `killed after ${acknowledged} acknowledged commands with ${unanswered.length} in flight, ${inFlightCommitted} of which had committed and were replayed after the restart`,
    );
    expect(await second.server.stop()).toBe(0);
  }, 90_000);
});
