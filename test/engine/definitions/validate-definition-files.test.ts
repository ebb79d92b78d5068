import { describe, expect, it } from 'vitest';
import { validateDefinitionFiles, type DefinitionFile } from '../../../engine/definitions/index.js';

const app = {
  kind: 'app',
  id: 'shop',
  version: 1,
  title: { 'zh-CN': '车间', en: 'Shop' },
  roles: [
    { id: 'admin', title: { 'zh-CN': '管理员', en: 'Administrator' }, canDesign: true },
    { id: 'clerk', title: { 'zh-CN': '文员', en: 'Clerk' } },
  ],
  navigation: [{ title: { 'zh-CN': '主数据', en: 'Master data' }, forms: ['part', 'order'] }],
};

const part = {
  kind: 'form',
  id: 'part',
  version: 1,
  title: { 'zh-CN': '物料', en: 'Part' },
  schema: {
    type: 'object',
    properties: { code: { type: 'string' }, unit: { type: 'string' }, price: { type: 'number' } },
    required: ['code'],
  },
  titleField: 'code',
};

const order = {
  kind: 'form',
  id: 'order',
  version: 1,
  title: { 'zh-CN': '订单', en: 'Order' },
  schema: {
    type: 'object',
    properties: {
      part: { type: 'string' },
      unit: { type: 'string' },
      qty: { type: 'number' },
      price: { type: 'number' },
      amount: { type: 'number' },
    },
  },
  computed: { amount: 'qty * price' },
  lookups: { part: { form: 'part', displayField: 'code', fill: { unit: 'unit', price: 'price' } } },
  access: { read: ['clerk'], create: ['clerk'] },
};

function files(entries: Record<string, unknown>): DefinitionFile[] {
  return Object.entries(entries).map(([path, value]) => ({
    path,
    text: typeof value === 'string' ? value : JSON.stringify(value, null, 2),
  }));
}

function problemsOf(entries: Record<string, unknown>): string[] {
  return validateDefinitionFiles(files(entries)).problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`);
}

describe('validateDefinitionFiles', () => {
  it('accepts a consistent package and returns its definitions', () => {
    const outcome = validateDefinitionFiles(files({ 'app.json': app, 'forms/part.json': part, 'forms/order.json': order }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.definitions.app?.id).toBe('shop');
    expect(outcome.definitions.forms.map((form) => form.id).sort()).toEqual(['order', 'part']);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const problems = problemsOf({ 'forms/broken.json': '{\n  "kind": "form",\n  "id": \n}' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^forms\/broken\.json : not valid JSON at line 4, column 1/);
  });

  it('reports every meta-schema problem of a file, each at its pointer', () => {
    const bad = { ...part, id: 'Bad Id', title: { en: 'Part' }, colour: 'red' };
    const problems = problemsOf({ 'app.json': app, 'forms/part.json': bad, 'forms/order.json': order });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^forms\/part\.json \/id: .*pattern/),
        'forms/part.json /title/zh-CN: missing required property "zh-CN"',
        'forms/part.json /colour: unknown property "colour"',
      ]),
    );
  });

  it('rejects an unknown kind', () => {
    expect(problemsOf({ 'x.json': { kind: 'spreadsheet' } })).toEqual(['x.json /kind: must be one of "form", "app", "workflow", "report", "dashboard", "print-template"']);
  });

  it('checks lookups, roles, navigation and duplicate ids across files', () => {
    const orderBad = {
      ...order,
      lookups: { part: { form: 'part', displayField: 'name', fill: { unit: 'uom' } } },
      access: { read: ['clerk', 'auditor'] },
    };
    const problems = problemsOf({
      'app.json': {
        ...app,
        navigation: [{ title: app.navigation[0]!.title, forms: ['part', 'order', 'invoice'] }],
        functions: { 'mrp.plan': { roles: ['clerk', 'scheduler'] } },
      },
      'forms/part.json': part,
      'forms/part-copy.json': part,
      'forms/order.json': orderBad,
    });
    expect(problems.sort()).toEqual(
      [
        'app.json /navigation/0/forms/2: no form "invoice" is defined',
        'app.json /functions/mrp.plan/roles/1: no role "scheduler" in the app',
        'forms/order.json /access/read/1: role "auditor" is not defined in the app',
        'forms/order.json /lookups/part/displayField: form "part" has no field "name"',
        'forms/order.json /lookups/part/fill/unit: form "part" has no field "uom"',
        'forms/part.json /id: form "part" is also defined in forms/part-copy.json',
      ].sort(),
    );
  });

  it('refuses a navigation group a form chooses that the app does not have, and a group id used twice', () => {
    const grouped = { ...app, navigation: [{ id: 'master', ...app.navigation[0]! }, { id: 'sales', title: { 'zh-CN': '销售', en: 'Sales' }, forms: [] }] };
    expect(problemsOf({ 'app.json': grouped, 'forms/part.json': { ...part, navGroup: 'sales' }, 'forms/order.json': order })).toEqual([]);
    expect(problemsOf({ 'app.json': grouped, 'forms/part.json': { ...part, navGroup: 'quality' }, 'forms/order.json': order })).toEqual([
      'forms/part.json /navGroup: no navigation group "quality" in the app',
    ]);
    const twice = { ...grouped, navigation: [grouped.navigation[0]!, { ...grouped.navigation[1]!, id: 'master' }] };
    expect(problemsOf({ 'app.json': twice, 'forms/part.json': part, 'forms/order.json': order })).toEqual(['app.json /navigation/1/id: navigation group "master" is listed twice']);
  });

  it('refuses a fill that would show a field to roles that may not read it in its own form', () => {
    const secretPrice = { ...part, permissions: { price: { read: ['admin'] } } };
    expect(problemsOf({ 'app.json': app, 'forms/part.json': secretPrice, 'forms/order.json': order })).toEqual([
      'forms/order.json /lookups/part/fill/price: "price" would show "part.price" to clerk, who may not read it there; restrict "price" to the same roles',
    ]);
    const restricted = { ...order, permissions: { price: { read: ['admin'] } } };
    expect(problemsOf({ 'app.json': app, 'forms/part.json': secretPrice, 'forms/order.json': restricted })).toEqual([]);
  });

  it('passes the form compiler\'s problems through with their pointers', () => {
    const broken = { ...order, computed: { amount: 'qty * ' }, rules: [{ field: 'nothing', visible: 'TRUE' }] };
    const outcome = validateDefinitionFiles(files({ 'app.json': app, 'forms/part.json': part, 'forms/order.json': broken }));
    const pointers = outcome.problems.map((p) => p.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/computed/amount', '/rules/0/field']));
    expect(outcome.definitions.forms.map((form) => form.id)).toEqual(['part']);
  });

  it('requires a rule to say at least one of visible, required or readOnly', () => {
    const withEmptyRule = { ...order, rules: [{ field: 'qty' }] };
    expect(problemsOf({ 'app.json': app, 'forms/part.json': part, 'forms/order.json': withEmptyRule })).toContain(
      'forms/order.json /rules/0: a rule needs at least one of visible, required or readOnly',
    );
  });
});
