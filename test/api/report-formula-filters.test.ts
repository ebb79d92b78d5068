import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition, ReportDefinition } from '../../engine/definitions/index.js';
import { compileExpression } from '../../engine/expressions/index.js';
import { planReport } from '../../engine/reports/index.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { reportQuery } from '../../runtime/reports/index.js';
import { createServices, type Actor, type Services } from '../../runtime/services/index.js';
import { testDatabases } from '../support/database.js';

/*
 * A report filter written as a formula keeps, in the database, exactly the rows for which the
 * formula engine says TRUE: random formulas of the compiled subset (comparisons, AND/OR/NOT,
 * ISBLANK, + - *, TODAY() +/- days) over random rows with blanks, run through the preview route's
 * path (text -> checks -> SQL) and compared with compileExpression(...).evaluate on each row.
 */

const NOW = new Date('2026-11-24T03:00:00Z');

const GAUGE: FormDefinition = {
  kind: 'form',
  id: 'gauge',
  version: 1,
  title: { 'zh-CN': '量具', en: 'Gauge' },
  schema: {
    type: 'object',
    properties: {
      qty: { type: 'number' },
      price: { type: 'number' },
      name: { type: 'string' },
      status: { type: 'string', enum: ['open', 'closed', 'on-hold'] },
      flag: { type: 'boolean' },
      due: { type: 'string', format: 'date' },
    },
  },
  options: {
    status: { open: { 'zh-CN': '未结', en: 'Open' }, closed: { 'zh-CN': '已结', en: 'Closed' }, 'on-hold': { 'zh-CN': '暂停', en: 'On hold' } },
  },
} as FormDefinition;

const TEXTS = ['', 'A', 'a', 'B', 'Ab', '泵', '泵壳', 'z', "O'Brien; --"];
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const decimal = fc.integer({ min: -20_000, max: 20_000 }).map((cents) => cents / 100);
const smallNumber = fc.oneof(fc.integer({ min: -50, max: 50 }), decimal);
const day = fc.integer({ min: -20, max: 20 }).map((offset) => new Date(Date.parse('2026-11-24T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10));

const row = fc
  .record({ qty: maybe(smallNumber), price: maybe(smallNumber), name: maybe(fc.constantFrom(...TEXTS)), status: maybe(fc.constantFrom('open', 'closed', 'on-hold')), flag: maybe(fc.boolean()), due: maybe(day) })
  .map((data) => Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)));

const literalText = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const numberLiteral = smallNumber.map((value) => (value < 0 ? `(${value})` : String(value)));
const compare = fc.constantFrom('=', '<>', '<', '<=', '>', '>=');

const { number } = fc.letrec<{ number: string }>((tie) => ({
  number: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('qty', 'price'),
    numberLiteral,
    fc.tuple(tie('number'), fc.constantFrom('+', '-', '*'), tie('number')).map(([left, op, right]) => `(${left} ${op} ${right})`),
    tie('number').map((inner) => `-(${inner})`),
  ),
}));
const text = fc.oneof(fc.constantFrom('name', 'status'), fc.constantFrom(...TEXTS, 'open', 'closed').map(literalText));
const date = fc.oneof(fc.constant('due'), day.map(literalText), fc.integer({ min: -10, max: 10 }).map((days) => (days === 0 ? 'TODAY()' : `TODAY() ${days < 0 ? '-' : '+'} ${Math.abs(days)}`)));
const atom = fc.oneof(
  fc.tuple(number, compare, number).map(([left, op, right]) => `${left} ${op} ${right}`),
  fc.tuple(text, compare, text).map(([left, op, right]) => `${left} ${op} ${right}`),
  fc.tuple(date, compare, date).map(([left, op, right]) => `${left} ${op} ${right}`),
  fc.constantFrom('flag', 'flag = TRUE', 'flag <> FALSE', 'ISBLANK(qty)', 'ISBLANK(name)', 'ISBLANK(due)', 'ISBLANK(flag)'),
);
const { condition } = fc.letrec<{ condition: string }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('condition'), fc.constantFrom('AND', 'OR'), tie('condition')).map(([left, op, right]) => `(${left}) ${op} (${right})`),
    tie('condition').map((inner) => `NOT (${inner})`),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((args) => `OR(${args.join(', ')})`),
  ),
}));

for (const backend of testDatabases()) {
  describe(`report formula filters on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let admin: Actor;

    beforeAll(async () => {
      database = await backend.open();
      services = await createServices(database, { now: () => NOW });
      await services.definitions.publish({ forms: [GAUGE] }, 'system');
      await services.auth.addUser({ username: 'boss', roles: ['admin'], password: 'formula-filter' });
      admin = await services.auth.authenticate((await services.auth.login('boss', 'formula-filter')).token);
    }, 60_000);
    afterAll(async () => {
      await database?.close();
    });

    const report = (formula: string) =>
      JSON.stringify({
        kind: 'report',
        id: 'gauges',
        version: 1,
        title: { 'zh-CN': '量具', en: 'Gauges' },
        source: { form: 'gauge' },
        filters: [{ formula }],
        groupBy: [{ field: 'id', as: 'id' }],
        measures: [{ id: 'n', agg: 'count', label: { 'zh-CN': '数', en: 'Count' } }],
        chart: { type: 'table' },
      });

    it('keeps exactly the rows the formula engine says TRUE for', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(row, { maxLength: 12 }), condition, async (rows, formula) => {
          await sql`truncate ordo_records`.execute(database.db);
          if (rows.length > 0) {
            await database.db
              .insertInto('ordo_records')
              .values(rows.map((data, index) => ({ id: `g-${index}`, form: 'gauge', form_version: 1, revision: 1, data: JSON.stringify(data), created_at: NOW, created_by: 'boss', updated_at: NOW, updated_by: 'boss' })))
              .execute();
          }
          const result = await services.reports.preview(admin, report(formula), {});
          const compiled = compileExpression(formula);
          const expected = rows.flatMap((data, index) => (compiled.evaluate({ fields: data }, { now: NOW }) === true ? [`g-${index}`] : []));
          expect(result.rows.map((entry) => entry['id']).sort(), formula).toEqual(expected.sort());
        }),
        { numRuns: 60 },
      );
    }, 120_000);

    it('binds every value of a formula and today as parameters: the SQL text is the same whatever the values', () => {
      const compiled = (name: string, qty: number, days: number) => {
        const plan = planReport(JSON.parse(report(`name = ${literalText(name)} OR qty * ${qty} > 1 OR due < TODAY() - ${days}`)) as ReportDefinition, new Map([['gauge', GAUGE]]));
        return reportQuery(plan, { parameters: {}, today: '2026-11-24', readableForms: undefined }).compile(database.db);
      };
      const reference = compiled('x', 1, 1);
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }).filter((text) => !text.includes('\u0000')), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 30 }), (name, qty, days) => {
          const query = compiled(name, qty, days);
          expect(query.sql).toBe(reference.sql);
          expect(query.parameters).toContain(name);
          expect(query.parameters).toContain(qty);
        }),
        { numRuns: 100 },
      );
    });

    it('refuses what the database cannot compute as the formula does, with a code and a pointer', async () => {
      const refused = async (formula: string) => {
        try {
          await services.reports.preview(admin, report(formula), {});
        } catch (error) {
          return (error as { code: string; fields: { pointer: string; code: string }[] }).fields.map((field) => [error && (error as { code: string }).code, field.pointer, field.code]);
        }
        throw new Error(`${formula} was accepted`);
      };
      expect(await refused('qty / 2 > 1')).toEqual([['ORDO_ERR_DRAFT_INVALID', '/filters/0/formula', 'formulaNotInDatabase']]);
      expect(await refused('LEFT(name, 1) = "A"')).toEqual([['ORDO_ERR_DRAFT_INVALID', '/filters/0/formula', 'formulaNotInDatabase']]);
      expect(await refused('due + 1 > TODAY()')).toEqual([['ORDO_ERR_DRAFT_INVALID', '/filters/0/formula', 'formulaNotInDatabase']]);
      expect(await refused('qtty > 1')).toEqual([['ORDO_ERR_DRAFT_INVALID', '/filters/0/formula', 'invalidFormula']]);
      expect(await refused('qty + 1')).toEqual([['ORDO_ERR_DRAFT_INVALID', '/filters/0/formula', 'formulaNotCondition']]);
    });
  });
}
