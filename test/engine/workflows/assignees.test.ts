import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assignee, DepartmentDefinition, FormDefinition } from '../../../engine/definitions/index.js';
import { checkWorkflowShape } from '../../../engine/definitions/workflow-shape-check.js';
import { NATIVE_FUNCTIONS } from '../../../engine/functions/index.js';
import { checkWorkflow, departmentManager, matchAssignee } from '../../../engine/workflows/index.js';
import { resolveSampleAssignees, standInOf, type SimulatedUser } from '../../../engine/workflows/simulation/index.js';
import { orderForm, withReview } from './workflow-fixtures.js';

const text = (en: string) => ({ 'zh-CN': en, en });
const DEPARTMENTS: DepartmentDefinition[] = [
  { id: 'management', title: text('Management') },
  { id: 'production', title: text('Production'), parent: 'management', manager: 'zheng.hao' },
  { id: 'planning', title: text('Planning'), parent: 'production' },
  { id: 'quality', title: text('Quality'), parent: 'management', manager: 'ma.lin' },
  { id: 'engineering', title: text('Engineering'), parent: 'management' },
];
const AT = new Date('2026-11-24T02:00:00.000Z');

/** The order form with a department field and a member field. */
const form = {
  ...orderForm,
  schema: {
    ...orderForm.schema,
    properties: {
      ...orderForm.schema.properties,
      owner: { type: 'string', 'x-ordo-field': 'department' },
      inspector: { type: 'string', 'x-ordo-field': 'member' },
    },
  },
} as FormDefinition;
const environment = {
  forms: new Map([['order', form]]),
  functions: NATIVE_FUNCTIONS,
  roles: new Set(['admin', 'sales-manager', 'engineer', 'production-manager', 'quality-engineer']),
  departments: new Set(DEPARTMENTS.map((department) => department.id)),
};

function problemsOf(assignees: [Assignee, ...Assignee[]]): [string, string][] {
  return checkWorkflow(withReview({ assignees }), environment).map((problem) => [problem.pointer, problem.code]);
}

describe('department assignees', () => {
  it('are told apart from role assignees, though `{department, role}` also has a role', () => {
    const kinds = (assignee: Assignee): string =>
      matchAssignee<string>(assignee, {
        role: (role) => `role ${role}`,
        user: (user) => `user ${user}`,
        field: (field) => `field ${field}`,
        expression: (source) => `expression ${source}`,
        managerOf: (of) => `manager of ${kinds(of)}`,
        department: (id, scope) => `department ${id} ${JSON.stringify(scope)}`,
        departmentOf: (field, scope) => `departmentOf ${field} ${JSON.stringify(scope)}`,
      });
    expect(
      [{ role: 'engineer' }, { department: 'quality', role: 'engineer' }, { department: 'quality' }, { department: 'quality', manager: true }, { departmentOf: 'owner', role: 'engineer' }, { managerOf: { department: 'quality' } }].map(
        (assignee) => kinds(assignee as Assignee),
      ),
    ).toEqual([
      'role engineer',
      'department quality {"kind":"members","role":"engineer"}',
      'department quality {"kind":"members"}',
      'department quality {"kind":"manager"}',
      'departmentOf owner {"kind":"members","role":"engineer"}',
      'manager of department quality {"kind":"members"}',
    ]);
  });

  it('a department head is its manager, else the nearest ancestor\'s, else nobody; a cycle ends the walk', () => {
    expect(departmentManager(DEPARTMENTS, 'quality')).toBe('ma.lin');
    expect(departmentManager(DEPARTMENTS, 'planning')).toBe('zheng.hao');
    expect(departmentManager(DEPARTMENTS, 'engineering')).toBeUndefined();
    expect(departmentManager(DEPARTMENTS, 'nowhere')).toBeUndefined();
    const cycle = [
      { id: 'a', title: text('A'), parent: 'b' },
      { id: 'b', title: text('B'), parent: 'a' },
    ];
    expect(departmentManager(cycle, 'a')).toBeUndefined();
  });

  it('load-time checks: unknown department, a role the app lacks, a departmentOf that is not a department field', () => {
    expect(problemsOf([{ department: 'quality', role: 'quality-engineer' }, { departmentOf: 'owner', manager: true }])).toEqual([]);
    expect(problemsOf([{ department: 'ghost' }, { department: 'quality', role: 'ghost-role' }, { departmentOf: 'inspector' }, { departmentOf: 'nofield' }, { managerOf: { department: 'ghost2' } }])).toEqual([
      ['/states/review/task/assignees/0/department', 'unknownDepartment'],
      ['/states/review/task/assignees/1/role', 'unknownRole'],
      ['/states/review/task/assignees/2/departmentOf', 'notDepartmentField'],
      ['/states/review/task/assignees/3/departmentOf', 'unknownField'],
      ['/states/review/task/assignees/4/managerOf/department', 'unknownDepartment'],
    ]);
  });

  it('the same checks reach escalations and notifications', () => {
    const definition = withReview({ due: { after: 'P1D', onDue: { action: 'reassign', to: [{ department: 'ghost' }] } } });
    expect(checkWorkflow(definition, environment).map((problem) => [problem.pointer, problem.code])).toEqual([['/states/review/task/due/onDue/to/0/department', 'unknownDepartment']]);
  });

  it('the meta-schema refuses a role and the head together, and unknown keys', () => {
    const shape = (assignee: unknown) => checkWorkflowShape(withReview({ assignees: [assignee as Assignee] })).length;
    expect(shape({ department: 'quality', role: 'engineer' })).toBe(0);
    expect(shape({ departmentOf: 'owner', manager: true })).toBe(0);
    expect(shape({ department: 'quality', role: 'engineer', manager: true })).toBeGreaterThan(0);
    expect(shape({ department: 'quality', manager: false })).toBeGreaterThan(0);
    expect(shape({ department: 'quality', field: 'rep' })).toBeGreaterThan(0);
  });

  it('without sample people a department is one stand-in the designer can word; a head is the named user', () => {
    const users = resolveSampleAssignees([{ department: 'quality', role: 'quality-engineer' }, { department: 'quality' }, { departmentOf: 'owner', manager: true }], { owner: 'planning' }, AT, undefined, DEPARTMENTS);
    expect(users).toEqual(['department:quality/quality-engineer', 'department:quality', 'zheng.hao']);
    expect(users.map(standInOf)).toEqual([
      { kind: 'department', department: 'quality', role: 'quality-engineer' },
      { kind: 'department', department: 'quality' },
      { kind: 'user', username: 'zheng.hao' },
    ]);
    expect(resolveSampleAssignees([{ departmentOf: 'owner' }], { owner: '' }, AT, undefined, DEPARTMENTS)).toEqual(['role:admin']);
  });

  const ROLES = ['engineer', 'quality-engineer', 'admin'];
  const IDS = DEPARTMENTS.map((department) => department.id);
  const directoryArb = fc.uniqueArray(
    fc.record({
      username: fc.stringMatching(/^[a-z]{1,6}$/),
      roles: fc.subarray(ROLES),
      departments: fc.subarray(IDS),
    }),
    { selector: (user) => user.username, maxLength: 12 },
  );

  it('for any directory, a department assignee gets exactly the users of that department having the role (the administrators when none)', () => {
    fc.assert(
      fc.property(directoryArb, fc.constantFrom(...IDS), fc.option(fc.constantFrom(...ROLES), { nil: undefined }), fc.boolean(), (directory: SimulatedUser[], department, role, viaField) => {
        const assignee = (viaField ? { departmentOf: 'owner' } : { department }) as Assignee;
        const withRole = role === undefined ? assignee : ({ ...assignee, role } as Assignee);
        const got = resolveSampleAssignees([withRole], { owner: department }, AT, directory, DEPARTMENTS);
        const members = directory.filter((user) => user.departments?.includes(department) && (role === undefined || user.roles.includes(role))).map((user) => user.username);
        const admins = directory.filter((user) => user.roles.includes('admin')).map((user) => user.username);
        expect(new Set(got)).toEqual(new Set(members.length > 0 ? members : admins));
        expect(got).toHaveLength(new Set(got).size);
      }),
    );
  });
});
