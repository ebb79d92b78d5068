import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLiveForm } from '../../engine/forms/model/index.js';
import { differsOnlyInComputed, markComputedUi } from '../../designer/src/forms/computed-data.js';
import { largeFormDefinition, largeFormLines } from '../support/large-form.js';

const live = compileLiveForm(largeFormDefinition());
const context = { roles: ['sales-clerk'], locale: 'en' as const };
const entered = { f001: 'lot 7', f002: 2, f006: 6, lines: largeFormLines().slice(0, 5) };

describe('a keystroke that changes only computed values leaves rjsf its data', () => {
  it('marks every computed field, top-level and sub-table column, for the computed field and keeps its other ui options', () => {
    const ui = markComputedUi({ f009: { 'ui:widget': 'textarea' }, f010: { 'ui:classNames': 'wide' }, lines: { items: { 'ui:order': ['item', 'qty', 'price', 'amount'] } } }, live.model);
    expect(ui.f010).toEqual({ 'ui:classNames': 'wide', 'ui:field': 'computed' });
    expect(ui.f009).toEqual({ 'ui:widget': 'textarea' });
    expect(ui.grandTotal).toEqual({ 'ui:field': 'computed' });
    expect(ui.lines).toEqual({ items: { 'ui:order': ['item', 'qty', 'price', 'amount'], amount: { 'ui:field': 'computed' } } });
  });

  it('tells an evaluation that only filled computed values from one that changed what was entered', () => {
    const evaluated = live.evaluate(entered, context).data;
    expect(evaluated.f010).toBe(8);
    expect(differsOnlyInComputed(live.model, entered, evaluated)).toBe(true);
    expect(differsOnlyInComputed(live.model, { ...entered, f003: null }, evaluated)).toBe(true);
    expect(differsOnlyInComputed(live.model, { ...entered, f001: 'lot 8' }, evaluated)).toBe(false);
    expect(differsOnlyInComputed(live.model, { ...entered, lines: entered.lines.slice(1) }, evaluated)).toBe(false);
  });

  it('holds for any line and any value: a computed column never counts, an entered one always does', () => {
    fc.assert(
      fc.property(fc.nat(4), fc.constantFrom('item', 'qty', 'price', 'amount'), fc.oneof(fc.integer(), fc.string()), (line, column, value) => {
        const evaluated = live.evaluate(entered, context).data as { lines: Record<string, unknown>[] };
        const current = evaluated.lines[line]?.[column];
        fc.pre(JSON.stringify(current) !== JSON.stringify(value));
        const lines = evaluated.lines.map((entry, index) => (index === line ? { ...entry, [column]: value } : entry));
        expect(differsOnlyInComputed(live.model, { ...evaluated, lines }, evaluated)).toBe(column === 'amount');
      }),
    );
  });
});
