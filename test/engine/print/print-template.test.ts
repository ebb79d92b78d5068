import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../engine/definitions/index.js';
import { isOrdoError } from '../../../engine/errors/index.js';
import { compilePrintTemplate, formVocabulary, printTemplateProblem, type PrintContext, type PrintTemplate } from '../../../engine/print/index.js';
import { XSS_PAYLOADS } from '../../support/xss-corpus.js';

const form: FormDefinition = {
  kind: 'form',
  id: 'order',
  version: 1,
  title: { 'zh-CN': '订单', en: 'Order' },
  schema: {
    type: 'object',
    properties: {
      orderNo: { type: 'string' },
      customer: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'shipped'] },
      lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number' }, price: { type: 'number' } } } },
    },
  },
  labels: { orderNo: { 'zh-CN': '订单号', en: 'Order number' }, 'lines.qty': { 'zh-CN': '数量', en: 'Quantity' } },
  options: { status: { draft: { 'zh-CN': '草稿', en: 'Draft' }, shipped: { 'zh-CN': '已发货', en: 'Shipped' } } },
  lookups: { customer: { form: 'customer', displayField: 'name' } },
};

function context(data: Record<string, unknown>): PrintContext {
  return {
    record: { id: 'r1', revision: 3, createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-21T02:00:00.000Z', createdByName: '李娜', updatedByName: '李娜' },
    data,
    related: {},
    printedAt: '2026-11-24T01:30:00.000Z',
    printedBy: '王强',
  };
}

const compiled = new Map<string, PrintTemplate>();

function render(source: string, data: Record<string, unknown>, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  let template = compiled.get(source);
  if (template === undefined) {
    template = compilePrintTemplate(source);
    compiled.set(source, template);
  }
  return template(context(data), formVocabulary(form, locale, { customer: { c1: '杭州水务' } }));
}

describe('print templates', () => {
  it('escapes record data: markup in a value prints as text', () => {
    for (const payload of [...XSS_PAYLOADS, '<script>alert(1)</script>', '{{constructor}}']) {
      const html = render('<p>{{data.orderNo}}</p><p>{{option "status" data.orderNo}}</p>', { orderNo: payload });
      expect(html).not.toContain('<script');
      expect(html).not.toMatch(/<(img|iframe|embed|svg|a)\b/);
      if (payload.includes('<')) expect(html).toContain('&lt;');
    }
    expect(render('{{data.orderNo}}', { orderNo: '{{constructor}}' })).toBe('{{constructor}}');
  });

  it('escapes any string the same way handlebars documents (& < > " \' ` =)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const html = render('{{data.orderNo}}', { orderNo: text });
        expect(html).not.toMatch(/[<>"'`=]/);
        const back = html
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&quot;', '"')
          .replaceAll('&#x27;', "'")
          .replaceAll('&#x60;', '`')
          .replaceAll('&#x3D;', '=')
          .replaceAll('&amp;', '&');
        expect(back).toBe(text);
      }),
    );
  });

  it('cannot reach prototypes, constructors or Function from a template', () => {
    const tricks = [
      '{{constructor}}',
      '{{constructor.name}}',
      '{{data.constructor}}',
      '{{data.__proto__}}',
      '{{data.__proto__.toString}}',
      '{{#with data}}{{constructor.constructor}}{{/with}}',
      '{{lookup data "__proto__"}}',
      '{{lookup (lookup data "constructor") "name"}}',
      '{{#with "s"}}{{#with split as |a|}}{{a}}{{/with}}{{/with}}',
      '{{data.lines.length}}{{data.lines.constructor.name}}',
      '{{#each data}}{{@key}}{{/each}}',
    ];
    for (const trick of tricks) {
      const html = render(trick, { orderNo: 'x' });
      expect(html, trick).not.toMatch(/function|Object|Function|Array|native code|\[object/);
    }
    // A record whose data names __proto__ itself gets nothing special either.
    const poisoned = JSON.parse('{"__proto__": {"polluted": "yes"}, "orderNo": "SO-1"}') as Record<string, unknown>;
    expect(render('{{data.orderNo}}{{data.polluted}}', poisoned)).toBe('SO-1');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('formats dates, money, numbers, labels, option texts and lookups in the reader\'s language', () => {
    const source =
      '{{date data.day}}|{{datetime data.at}}|{{money data.total}}|{{number data.qty}}|{{percent data.pct}}|{{label "orderNo"}}|{{option "status" data.status}}|{{display "customer" data.customer}}|{{t zh="送货单" en="Delivery note"}}|{{yesNo data.rush}}|{{sum data.lines "qty"}}';
    const data = { day: '2026-12-01', at: '2026-11-24T01:30:00.000Z', total: 279539.4, qty: 1234.5, pct: 5, status: 'shipped', customer: 'c1', rush: true, lines: [{ qty: 0.1 }, { qty: 0.2 }] };
    expect(render(source, data, 'zh-CN')).toBe('2026年12月1日|2026/11/24 09:30|¥279,539.40|1,234.5|5%|订单号|已发货|杭州水务|送货单|是|0.3');
    expect(render(source, data, 'en')).toBe('Dec 1, 2026|11/24/2026, 09:30|CN¥279,539.40|1,234.5|5%|Order number|Shipped|杭州水务|Delivery note|Yes|0.3');
  });

  it('numbers lines from 1 and pads a table with blank rows', () => {
    const html = render('{{#each data.lines}}[{{inc @index}}:{{qty}}]{{/each}}{{#each (blankRows data.lines 4)}}[ ]{{/each}}', { lines: [{ qty: 2 }, { qty: 3 }] });
    expect(html).toBe('[1:2][2:3][ ][ ]');
  });

  it('reports syntax errors and unknown helpers before anything is printed', () => {
    expect(printTemplateProblem('{{#each data.lines}}')).toMatch(/line 1.*EOF/);
    expect(printTemplateProblem('{{formatMoney data.total}}')).toMatch(/formatMoney/);
    expect(printTemplateProblem('{{money data.total}}')).toBeUndefined();
    expect(printTemplateProblem('<p>{{{data.remarks}}}</p>')).toMatch(/line 1: unescaped output/);
    expect(printTemplateProblem('{{#each data.lines}}\n{{& note}}{{/each}}')).toMatch(/line 2: unescaped output/);
    expect(printTemplateProblem('{{> header}}')).toMatch(/partials are not allowed/);
    expect(printTemplateProblem('{{#> layout}}x{{/layout}}')).toMatch(/partials are not allowed/);
    let error: unknown;
    try {
      compilePrintTemplate('{{#if}}');
    } catch (caught) {
      error = caught;
    }
    expect(isOrdoError(error) && error.code).toBe('ORDO_ERR_DEFINITION_INVALID');
  });
});
