import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignee, DepartmentDefinition, WorkflowDefinition } from '../../engine/definitions/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';
import { insertUser } from '../../runtime/stores/index.js';
import { resolveAssignees } from '../../runtime/workflows/assignee-resolver.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory } from '../support/shipped-factory.js';

const NCR = 'ncr-hengtong-impeller-porosity';
const text = (en: string) => ({ 'zh-CN': en, en });
const DEMO_USERS = JSON.parse(readFileSync(new URL('../../definitions/mto/demo/users.json', import.meta.url), 'utf8')) as { username: string; departments: string[] }[];
const inDemoDepartment = (department: string) => DEMO_USERS.filter((user) => user.departments.includes(department)).map((user) => user.username).sort();

/**
 * A triage of the shipped NCR form: the planning head is told on submit (planning names no head, so
 * production's decides), the whole quality department countersigns, and when that is overdue the open
 * votes go to the head of the record's responsible department.
 */
const TRIAGE: WorkflowDefinition = {
  kind: 'workflow',
  id: 'ncr-triage',
  version: 1,
  title: text('NCR triage'),
  form: 'ncr',
  initial: 'open',
  states: {
    open: {
      on: {
        submit: { target: 'triage', actions: [{ type: 'notify', to: [{ department: 'planning', manager: true }], message: text('An NCR needs triage') }] },
      },
    },
    triage: {
      task: {
        title: text('Triage'),
        mode: 'all',
        assignees: [{ department: 'quality' }],
        onApproved: { target: 'done' },
        due: { after: 'PT1H', onDue: { action: 'reassign', to: [{ departmentOf: 'responsibleDepartment', manager: true }] } },
      },
    },
    done: { type: 'final' },
  },
} as WorkflowDefinition;

for (const backend of testDatabases()) {
  describe(`department assignees on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let admin: Actor;
    let engineer: Actor;
    let instanceId = '';

    beforeAll(async () => {
      const factory = await openShippedFactory(backend, { usernames: ['admin', 'zhou.hui'], workflows: (shipped) => [...shipped, TRIAGE] });
      ({ database, services } = factory);
      admin = factory.as('admin');
      engineer = factory.as('zhou.hui');
      const record = await services.records.get(admin, 'ncr', NCR);
      await services.records.update(admin, 'ncr', NCR, record.revision, { responsibleDepartment: 'sales' });
      const { instance } = await services.workflows.start(engineer, 'ncr-triage', NCR);
      await services.workflows.sendEvent(engineer, instance.id, { type: 'submit' });
      instanceId = instance.id;
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });

    const openAssignees = async () =>
      (await database.db.selectFrom('ordo_tasks').select('assignee').where('instance_id', '=', instanceId).where('status', '=', 'open').execute()).map((row) => row.assignee).sort();

    it('gives a department\'s task to exactly the users of that department, each in their own inbox', async () => {
      const quality = inDemoDepartment('quality');
      expect(quality).toEqual(['huang.li', 'ma.lin', 'zhou.hui']);
      expect(await openAssignees()).toEqual(quality);
      const inbox = await services.workflows.listTasks(engineer, { box: 'todo', limit: 200, offset: 0 });
      expect((inbox.items as { instanceId: string }[]).filter((task) => task.instanceId === instanceId)).toHaveLength(1);
    });

    it('tells the nearest department head up the tree', async () => {
      const told = await database.db.selectFrom('ordo_notifications').select('username').where('instance_id', '=', instanceId).where('kind', '=', 'notify').execute();
      expect(told.map((row) => row.username)).toEqual(['zheng.hao']);
    });

    it('escalates the overdue votes to the head of the record\'s responsible department', async () => {
      await sql`update ordo_timers set due_at = now() - interval '1 second' where instance_id = ${instanceId} and kind = 'task-due'`.execute(database.db);
      expect(await services.workflows.fireDueTimers(10)).toBe(1);
      expect(await openAssignees()).toEqual(['wang.qiang']);
    });
  });

  describe(`department assignee resolution on ${backend.name}, for any users`, () => {
    let database: OrdoDatabase;
    const DEPARTMENTS: DepartmentDefinition[] = [
      { id: 'quality', title: text('Quality'), manager: 'q0' },
      { id: 'lab', title: text('Lab'), parent: 'quality' },
      { id: 'sales', title: text('Sales') },
    ];
    const IDS = DEPARTMENTS.map((department) => department.id);
    const ROLES = ['inspector', 'engineer', 'admin'];
    const AT = new Date('2026-11-24T02:00:00.000Z');

    beforeAll(async () => {
      database = await backend.open();
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    const usersArb = fc.uniqueArray(
      fc.record({ username: fc.stringMatching(/^[a-z][a-z0-9.]{0,7}$/), roles: fc.subarray(ROLES), departments: fc.subarray(IDS) }),
      { selector: (user) => user.username, maxLength: 10 },
    );
    const assigneeArb = fc.record({
      department: fc.constantFrom(...IDS),
      role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
      viaField: fc.boolean(),
    });

    it('resolves exactly to the users of that department having the role (the administrators when there are none)', async () => {
      await fc.assert(
        fc.asyncProperty(usersArb, assigneeArb, async (users, { department, role, viaField }) => {
          await sql`delete from ordo_users`.execute(database.db);
          for (const [i, user] of users.entries()) {
            await insertUser(database.db, { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: user.username, locale: 'en', passwordHash: '-', at: AT, ...user });
          }
          const base = viaField ? { departmentOf: 'owner' } : { department };
          const assignee = (role === undefined ? base : { ...base, role }) as Assignee;
          const got = await resolveAssignees(database.db, [assignee], { record: { owner: department }, at: AT, departments: DEPARTMENTS });
          const members = users.filter((user) => user.departments.includes(department) && (role === undefined || user.roles.includes(role))).map((user) => user.username);
          const admins = users.filter((user) => user.roles.includes('admin')).map((user) => user.username);
          expect(new Set(got)).toEqual(new Set(members.length > 0 ? members : admins));
          expect(got).toHaveLength(new Set(got).size);
        }),
        { numRuns: 40 },
      );
    }, 120_000);
  });
}
