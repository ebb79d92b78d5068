import { describe, expect, it } from 'vitest';
import { validateDefinitionFiles, type DefinitionFile } from '../../../engine/definitions/index.js';

const order = {
  kind: 'form',
  id: 'order',
  version: 1,
  title: { 'zh-CN': '订单', en: 'Order' },
  schema: { type: 'object', properties: { orderNo: { type: 'string' }, part: { type: 'string' } } },
};

const routing = {
  kind: 'form',
  id: 'routing',
  version: 1,
  title: { 'zh-CN': '工艺路线', en: 'Routing' },
  schema: { type: 'object', properties: { part: { type: 'string' }, status: { type: 'string' } } },
};

const template = {
  kind: 'print-template',
  id: 'order-sheet',
  version: 1,
  form: 'order',
  title: { 'zh-CN': '订单', en: 'Order sheet' },
  templates: { 'zh-CN': 'order-sheet.zh-CN.hbs', en: 'order-sheet.en.hbs' },
  related: [{ as: 'routing', form: 'routing', match: { part: 'part' }, prefer: { status: 'released' } }],
};

function validate(entries: Record<string, unknown>) {
  const files: DefinitionFile[] = Object.entries(entries).map(([path, value]) => ({ path, text: typeof value === 'string' ? value : JSON.stringify(value) }));
  return validateDefinitionFiles(files);
}

const base = {
  'forms/order.json': order,
  'forms/routing.json': routing,
  'print/order-sheet.zh-CN.hbs': '<h1>订单 {{data.orderNo}}</h1>{{#each related.routing.operations}}{{name}}{{/each}}',
  'print/order-sheet.en.hbs': '<h1>Order {{data.orderNo}}</h1>',
};

describe('print template definitions', () => {
  it('load with the text of their handlebars files', () => {
    const outcome = validate({ ...base, 'print/order-sheet.json': template });
    expect(outcome.problems).toEqual([]);
    expect(outcome.definitions.printTemplates).toEqual([{ definition: template, sources: { 'zh-CN': base['print/order-sheet.zh-CN.hbs'], en: base['print/order-sheet.en.hbs'] } }]);
  });

  it('name a form, related forms and fields that exist', () => {
    const broken = {
      ...template,
      form: 'invoice',
      related: [
        { as: 'routing', form: 'routing', match: { partNo: 'part' }, prefer: { state: 'released' } },
        { as: 'bom', form: 'bom', match: { part: 'part' } },
      ],
    };
    const outcome = validate({ ...base, 'print/order-sheet.json': broken });
    expect(outcome.problems.map((problem) => `${problem.pointer}: ${problem.message}`)).toEqual([
      '/form: no form "invoice" is defined',
      '/related/0/match/partNo: form "routing" has no field "partNo"',
      '/related/0/prefer/state: form "routing" has no field "state"',
      '/related/1/form: no form "bom" is defined',
    ]);
    expect(outcome.definitions.printTemplates).toEqual([]);
  });

  it('need both handlebars files, and each must compile with the known helpers', () => {
    const outcome = validate({
      'forms/order.json': order,
      'forms/routing.json': routing,
      'print/order-sheet.json': template,
      'print/order-sheet.zh-CN.hbs': '{{#each data.lines}}{{qty}}',
    });
    const problems = outcome.problems.map((problem) => `${problem.file} ${problem.pointer}: ${problem.message}`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^print\/order-sheet\.json \/templates\/zh-CN: order-sheet\.zh-CN\.hbs: Parse error on line 1/);
    expect(problems[1]).toBe('print/order-sheet.json /templates/en: no file print/order-sheet.en.hbs');
    const unknownHelper = validate({ ...base, 'print/order-sheet.en.hbs': '{{formatDate data.orderNo}}', 'print/order-sheet.json': template });
    expect(unknownHelper.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^order-sheet\.en\.hbs: .*formatDate/)]);
  });

  it('are checked against the meta-schema (no file outside the folder, known paper sizes)', () => {
    const outcome = validate({ ...base, 'print/order-sheet.json': { ...template, templates: { 'zh-CN': '../secret.hbs', en: 'order-sheet.en.hbs' }, paper: 'Letter' } });
    expect(outcome.problems.map((problem) => problem.pointer).sort()).toEqual(['/paper', '/templates/zh-CN']);
  });
});
