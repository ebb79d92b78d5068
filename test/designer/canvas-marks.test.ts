import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowMarks } from '../../designer/src/form-designer/canvas-marks.js';
import { computedOf, defaultFormulaOf, permissionOf, ruleOf, withComputed, withPermission, withRule } from '../../designer/src/form-designer/field-logic.js';
import { fromDefinition, type DesignForm } from '../../designer/src/form-designer/field-model.js';
import { largeFormDefinition } from '../support/large-form.js';

const form: DesignForm = fromDefinition(largeFormDefinition(30, 'marks'));
const paths = form.fields.flatMap((field) => [field.name, ...(field.columns ?? []).map((column) => `${field.name}.${column.name}`)]);

describe('canvas marks', () => {
  it('say for every field and column what field-logic reads: its formula, whether computed, its conditions, whether restricted', () => {
    const restricted = withPermission(withRule(form, 'lines.qty', { visible: 'f001 <> ""' }), 'f003', { read: ['admin'] });
    const marks = rowMarks(restricted);
    for (const path of paths) {
      const row = marks.get(path.split('.')[0] ?? '');
      const mark = row?.[path];
      const formula = computedOf(restricted, path) ?? defaultFormulaOf(restricted, path);
      const rule = ruleOf(restricted, path);
      expect(mark?.formula).toBe(formula);
      expect(mark?.computed ?? false).toBe(computedOf(restricted, path) !== undefined);
      expect(mark?.rule).toBe(rule === undefined ? undefined : [rule.visible, rule.required, rule.readOnly].filter((entry) => entry !== undefined).join(' · '));
      expect(mark?.restricted ?? false).toBe(permissionOf(restricted, path) !== undefined);
    }
    expect(marks.get('lines')?.['lines.amount']).toEqual({ formula: 'ROUND(qty * price, 2)', computed: true, restricted: false });
  });

  it('keep the very object of every row whose marks did not change, so only the edited row renders again', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.string({ maxLength: 12 }), (path, formula) => {
        const before = rowMarks(form);
        const after = rowMarks(withComputed(form, path, formula), before);
        const edited = path.split('.')[0];
        for (const field of form.fields) {
          const same = after.get(field.name) === before.get(field.name);
          if (field.name !== edited) expect(same).toBe(true);
          else expect(same).toBe(computedOf(form, path) === formula);
        }
      }),
    );
  });
});
