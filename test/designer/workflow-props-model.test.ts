import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { checkWorkflowShape } from '../../engine/definitions/workflow-shape-check.js';
import { translate } from '../../designer/src/i18n/translate.js';
import { ACTION_KINDS, actionKind, formulaRows, fromRows, move, newAction, renameKey, unusedKey, withActions } from '../../designer/src/workflow-designer/action-model.js';
import {
  addAssignee,
  assigneeFields,
  assigneeLabel,
  DEPARTMENT_HEAD,
  departmentAssignee,
  joinAssignees,
  searchUsers,
  splitAssignees,
  viewOf,
  type AssigneeMessage,
} from '../../designer/src/workflow-designer/assignee-model.js';
import type { FieldOption } from '../../designer/src/workflow-designer/design-context.js';
import { fieldsFor, outputRows, setOutputField } from '../../designer/src/workflow-designer/output-mapping.js';

const text = (en: string) => ({ 'zh-CN': en, en });
const FIELDS: FieldOption[] = [
  { id: 'status', title: text('Status'), type: 'string' },
  { id: 'responsible', title: text('Responsible'), type: 'string', kind: 'member' },
  { id: 'owner', title: text('Owning department'), type: 'string', kind: 'department' },
  { id: 'promisedDate', title: text('Promised'), type: 'date' },
  { id: 'feasible', title: text('Feasible'), type: 'boolean' },
  { id: 'qty', title: text('Qty'), type: 'number' },
];
const words = {
  role: (id: string) => `role ${id}`,
  user: (username: string) => `user ${username}`,
  department: (id: string) => `dept ${id}`,
  field: (id: string) => `field ${id}`,
  say: (id: AssigneeMessage, values?: Record<string, string>) => translate('en', id, values),
};

describe('assignee lists in the task properties', () => {
  it('read every shape the engine accepts, and keep what the panel does not edit', () => {
    expect(
      [
        { role: 'engineer' },
        { user: 'ma.lin' },
        { field: 'responsible' },
        { managerOf: { field: 'responsible' } },
        { department: 'quality', role: 'engineer' },
        { department: 'quality', manager: true },
        { departmentOf: 'owner' },
        { expression: 'responsible' },
        { managerOf: { role: 'engineer' } },
        'junk',
      ].map((entry) => assigneeLabel(viewOf(entry), words)),
    ).toEqual([
      'role engineer',
      'user ma.lin',
      'the person in “field responsible”',
      'the manager of the person in “field responsible”',
      'dept quality · role engineer',
      'dept quality · the head',
      'the department in “field owner” · everyone',
      'people given by a formula (edit in JSON)',
      'a manager of someone (edit in JSON)',
      'an assignee edited in JSON',
    ]);
  });

  it('writes a department with everyone, its head or a role', () => {
    expect(departmentAssignee('department', 'quality', '')).toEqual({ department: 'quality' });
    expect(departmentAssignee('department', 'quality', DEPARTMENT_HEAD)).toEqual({ department: 'quality', manager: true });
    expect(departmentAssignee('departmentOf', 'owner', 'engineer')).toEqual({ departmentOf: 'owner', role: 'engineer' });
  });

  const assigneeArb = fc.oneof(
    fc.constantFrom('engineer', 'buyer', 'planner').map((role) => ({ role })),
    fc.constantFrom('ma.lin', 'zhou.hui').map((user) => ({ user })),
    fc.constantFrom('quality', 'sales').map((department) => ({ department })),
    fc.constantFrom('quality', 'sales').map((department) => ({ department, role: 'engineer' })),
    fc.constant({ expression: 'responsible' }),
  );

  it('splitting into ticks and lines and joining back keeps every assignee, roles first, the rest in order', () => {
    fc.assert(
      fc.property(fc.array(assigneeArb, { maxLength: 8 }), (list) => {
        const { roles, others } = splitAssignees(list);
        const joined = joinAssignees(roles, others);
        expect(joined.map((entry) => JSON.stringify(entry)).sort()).toEqual(list.map((entry) => JSON.stringify(entry)).sort());
        const firstOther = joined.findIndex((entry) => viewOf(entry).kind !== 'role');
        expect(joined.slice(firstOther === -1 ? joined.length : firstOther).every((entry) => viewOf(entry).kind !== 'role')).toBe(true);
        expect(joined.filter((entry) => viewOf(entry).kind !== 'role')).toEqual(list.filter((entry) => viewOf(entry).kind !== 'role'));
        // A list already in that order is written back unchanged.
        expect(joinAssignees(splitAssignees(joined).roles, splitAssignees(joined).others)).toEqual(joined);
      }),
    );
  });

  it('adds an assignee once', () => {
    expect(addAssignee([{ department: 'quality' }], { department: 'quality' })).toEqual([{ department: 'quality' }]);
    expect(addAssignee([{ department: 'quality' }], { department: 'quality', manager: true })).toHaveLength(2);
  });

  it('searches users by display or user name, and offers member and text fields for people, department fields for departments', () => {
    const users = [
      { username: 'ma.lin', displayName: '马琳', departments: ['quality'] },
      { username: 'zhou.hui', displayName: '周慧', departments: ['quality'] },
    ];
    expect(searchUsers(users, '马', 12).map((user) => user.username)).toEqual(['ma.lin']);
    expect(searchUsers(users, 'ZHOU', 12).map((user) => user.username)).toEqual(['zhou.hui']);
    expect(searchUsers(users, '', 1)).toHaveLength(1);
    const { people, departments } = assigneeFields(FIELDS);
    expect(people.map((field) => field.id)).toEqual(['responsible', 'status']);
    expect(departments.map((field) => field.id)).toEqual(['owner']);
  });
});

describe('transition actions', () => {
  const context = { form: 'ncr', fields: FIELDS, roles: [{ id: 'engineer', title: text('Engineer') }], forms: [{ id: 'ncr', title: text('NCR'), fields: FIELDS }, { id: 'supplier-car', title: text('SCAR'), fields: [{ id: 'problem', title: text('Problem'), type: 'string' }] }] };

  it('a new action of every kind is one the workflow meta-schema accepts', () => {
    for (const kind of ACTION_KINDS) {
      const action = newAction(kind, context, text('Look'));
      expect(actionKind(action)).toBe(kind);
      const definition = { kind: 'workflow', id: 'w', version: 1, title: text('W'), form: 'ncr', initial: 'a', states: { a: { on: { go: { target: 'b', actions: [action] } } }, b: { type: 'final' } } } as unknown as WorkflowDefinition;
      expect(checkWorkflowShape(definition), kind).toEqual([]);
    }
    expect(newAction('createRecord', context, text('Look'))).toEqual({ type: 'createRecord', form: 'supplier-car', data: { problem: '""' } });
  });

  it('removes the actions key with the last action, and moves actions within the list', () => {
    expect(withActions({ target: 'b', actions: [{ type: 'emit', event: 'x' }] }, [])).toEqual({ target: 'b' });
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('field → formula rows keep their order through a rename, and never name a field twice', () => {
    const rows = formulaRows({ status: '"open"', qty: 'qty + 1', feasible: 'TRUE' });
    expect(Object.keys(fromRows(renameKey(rows, 1, 'promisedDate')))).toEqual(['status', 'promisedDate', 'feasible']);
    expect(renameKey(rows, 1, 'status')).toEqual(rows);
    expect(unusedKey(rows, ['status', 'qty', 'responsible'], 'value')).toBe('responsible');
    expect(unusedKey([['value1', '1']], [], 'value')).toBe('value2');
  });
});

describe('function output mapping', () => {
  const schema = { type: 'object', properties: { promisedDate: { type: 'string', format: 'date' }, feasible: { type: 'boolean' }, reason: { type: 'string', title: 'Why' } } };

  it('shows one row per result property with its field, and keeps mappings of properties the result lacks', () => {
    const { rows, kept } = outputRows(schema, { promisedDate: 'promisedDate', note: 'gone' });
    expect(rows.map((row) => [row.property, row.title, row.field])).toEqual([
      ['promisedDate', 'promisedDate', 'promisedDate'],
      ['feasible', 'feasible', undefined],
      ['reason', 'Why', undefined],
    ]);
    expect(kept).toEqual([['note', 'gone']]);
  });

  it('a property goes into one field, a field takes one property, and the last mapping removed removes the key', () => {
    expect(setOutputField({ promisedDate: 'promisedDate' }, 'promisedDate', 'status')).toEqual({ status: 'promisedDate' });
    expect(setOutputField({ status: 'reason', qty: 'x' }, 'feasible', 'status')).toEqual({ qty: 'x', status: 'feasible' });
    expect(setOutputField({ status: 'reason' }, 'reason', undefined)).toBeUndefined();
  });

  it('offers fields of a fitting type', () => {
    expect(fieldsFor(FIELDS, 'boolean').map((field) => field.id)).toEqual(['feasible']);
    expect(fieldsFor(FIELDS, 'string').map((field) => field.id)).toEqual(['status', 'responsible', 'owner', 'promisedDate']);
    expect(fieldsFor(FIELDS, undefined)).toHaveLength(FIELDS.length);
  });
});
