import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition, ReportDefinition } from '../../engine/definitions/index.js';
import { planReport } from '../../engine/reports/index.js';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { reportQuery } from '../../runtime/reports/index.js';
import { createServices, type Actor, type Services } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';

/*
 * Parameter values and filter strings from users never reach SQL as text: whatever the strings
 * (quotes, `;--`, `$1`, backslashes, percent signs, any Unicode), the compiled statement is the same
 * text and the strings travel as bound parameters, and the rows counted are exactly those a plain
 * comparison picks.
 */

const NOW = new Date('2026-11-24T03:00:00Z');

const SEARCH: ReportDefinition = {
  kind: 'report',
  id: 'order-search',
  version: 1,
  title: { 'zh-CN': '订单查询', en: 'Order search' },
  source: { form: 'sales-order' },
  parameters: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      orderNo: { type: 'string' },
      statuses: { type: 'array', items: { type: 'string' } },
      range: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
    },
  },
  filters: [
    { field: 'data.customerName', op: 'contains', param: 'name' },
    { field: 'data.orderNo', op: 'ne', param: 'orderNo' },
    { field: 'data.remarks', op: 'in', param: 'statuses' },
    { field: 'data.customerPoNo', op: 'between', param: 'range' },
  ],
  groupBy: [{ field: 'data.customerName', as: 'customer' }],
  measures: [{ id: 'orders', agg: 'count', label: { 'zh-CN': '订单数', en: 'Orders' } }],
  chart: { type: 'table' },
};

const NASTY = ["'", "''", "'; drop table ordo_records; --", '--', ';', '$1', '\\', '\\x27', '%', '_', '"', ') or (1=1', '𝒳 客户 ü', '\u202e', ' '];
const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ maxLength: 8 }));
const parameters = fc.record({ name: text, orderNo: text, statuses: fc.array(text, { maxLength: 3 }), range: fc.record({ from: text, to: text }) }, { requiredKeys: ['name'] });

for (const backend of testDatabases()) {
  describe(`report parameters never become SQL on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let admin: Actor;
    let forms: Map<string, FormDefinition>;

    beforeAll(async () => {
      const loaded = await loadDefinitions(shippedDefinitionsDir);
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      database = await backend.open();
      services = await createServices(database, { now: () => NOW });
      const { app, forms: formList } = loaded.definitions;
      await services.definitions.publish({ ...(app === undefined ? {} : { app }), forms: [...formList], reports: [SEARCH] }, 'system');
      await services.auth.addUser({ username: 'boss', roles: ['admin'], password: 'report-injection' });
      admin = await services.auth.authenticate((await services.auth.login('boss', 'report-injection')).token);
      forms = new Map(formList.map((form) => [form.id, form]));
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    it('compiles to the same statement whatever the values, with every value bound', () => {
      const plan = planReport(SEARCH, forms);
      const context = (values: Record<string, unknown>) => ({ parameters: values, today: '2026-11-24', readableForms: undefined });
      const reference = reportQuery(plan, context({ name: 'x', orderNo: 'x', statuses: ['x'], range: { from: 'x', to: 'x' } })).compile(database.db);
      fc.assert(
        fc.property(text, text, text, text, (name, orderNo, status, from) => {
          fc.pre(name !== '' && orderNo !== '' && from !== '');
          const compiled = reportQuery(plan, context({ name, orderNo, statuses: [status], range: { from, to: from } })).compile(database.db);
          expect(compiled.sql).toBe(reference.sql);
          expect(compiled.parameters).toEqual(expect.arrayContaining([name, orderNo, status, from]));
        }),
        { numRuns: 300, seed: 6 },
      );
    });

    it('counts exactly the rows a plain comparison picks, and leaves the tables alone', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.record({ customerName: text, orderNo: text, remarks: text, customerPoNo: text }), { maxLength: 8 }), parameters, async (rows, given) => {
          const clean = (value: string) => value.replaceAll('\u0000', '');
          const data = rows.map((row) => ({ customerName: clean(row.customerName), orderNo: clean(row.orderNo), remarks: clean(row.remarks), customerPoNo: clean(row.customerPoNo) }));
          await sql`truncate ordo_records`.execute(database.db);
          if (data.length > 0) {
            await database.db
              .insertInto('ordo_records')
              .values(data.map((entry, index) => ({ id: `so-${index}`, form: 'sales-order', form_version: 1, revision: 1, data: JSON.stringify(entry), created_at: NOW, created_by: 'boss', updated_at: NOW, updated_by: 'boss' })))
              .execute();
          }
          const hasNul = JSON.stringify(given).includes('\\u0000');
          let result;
          try {
            result = await services.reports.run(admin, 'order-search', given);
          } catch (error) {
            expect(hasNul, String(error)).toBe(true);
            expect(error).toMatchObject({ code: 'ORDO_ERR_REPORT_PARAMETERS_INVALID' });
            return;
          }
          const picked = data.filter(
            (entry) =>
              (given.name === '' || entry.customerName.includes(given.name)) &&
              (given.orderNo === undefined || given.orderNo === '' || entry.orderNo !== given.orderNo) &&
              (given.statuses === undefined || given.statuses.includes(entry.remarks)) &&
              (given.range === undefined || ((given.range.from === '' || byteOrder(entry.customerPoNo) >= byteOrder(given.range.from)) && (given.range.to === '' || byteOrder(entry.customerPoNo) <= byteOrder(given.range.to)))),
          );
          expect(result.rows.reduce((sum, row) => sum + Number(row['orders']), 0)).toBe(picked.length);
          const count = await database.db.selectFrom('ordo_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
          expect(Number(count.n)).toBe(data.length);
        }),
        { numRuns: 60, seed: 7 },
      );
    }, 120_000);
  });
}

/** How PostgreSQL's "C" collation orders text: by UTF-8 bytes. */
function byteOrder(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1');
}
