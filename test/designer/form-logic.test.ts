import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../engine/definitions/index.js';
import { analyzeForm, canRead, canWrite } from '../../engine/forms/model/index.js';
import { mayUseForm } from '../../runtime/services/form-access.js';
import { FIELD_ACCESS, FORM_ACTIONS, fieldAccess, mayTake, withFieldAccess, withFormAction } from '../../designer/src/form-designer/access-matrix.js';
import { definitionText, fromDefinition, toDefinition, type DesignForm } from '../../designer/src/form-designer/field-model.js';
import {
  accessOf,
  computedOf,
  formulaFields,
  movePath,
  permissionOf,
  ruleOf,
  withAccess,
  withComputed,
  withDefaultFormula,
  withPermission,
  withRule,
  withTitleField,
} from '../../designer/src/form-designer/field-logic.js';
import { diagnoseFormula } from '../../designer/src/formula-editor/diagnose.js';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The incoming inspection form, as the designer holds it. */
function inspection(rest: Record<string, unknown> = {}): DesignForm {
  return {
    id: 'incoming-inspection',
    version: 1,
    title: label('来料检验', 'Incoming inspection'),
    fields: [
      { name: 'supplier', type: 'text', label: label('供应商', 'Supplier'), required: true, maxLength: 100 },
      { name: 'result', type: 'choice', label: label('结论', 'Result'), required: false, options: [{ value: 'pass', label: label('合格', 'Pass') }, { value: 'fail', label: label('不合格', 'Fail') }] },
      { name: 'reason', type: 'textarea', label: label('原因', 'Reason'), required: false, maxLength: 2000 },
      {
        name: 'characteristics',
        type: 'table',
        label: label('检验项目', 'Characteristics'),
        required: false,
        columns: [
          { name: 'lower', type: 'number', label: label('下限', 'Lower'), required: false },
          { name: 'upper', type: 'number', label: label('上限', 'Upper'), required: false },
          { name: 'measured', type: 'number', label: label('实测值', 'Measured'), required: false },
          { name: 'pass', type: 'yesNo', label: label('合格', 'Pass'), required: false },
        ],
      },
      { name: 'allPass', type: 'yesNo', label: label('全部合格', 'All passed'), required: false },
    ],
    rest,
    ui: {},
  };
}

const ROLES = ['inspector', 'operator', 'quality-engineer', 'buyer'];
const PATHS = ['supplier', 'result', 'reason', 'characteristics', 'characteristics.measured', 'allPass'];
const formula = fc.constantFrom('result = "fail"', 'LEN(supplier) > 3', 'TRUE', 'AND(characteristics.pass)');

/** One edit a designer makes through the logic panel or the permissions tab. */
const edit: fc.Arbitrary<(form: DesignForm) => DesignForm> = fc.oneof(
  fc.tuple(fc.constantFrom(...PATHS), fc.option(formula, { nil: undefined })).map(([path, source]) => (form: DesignForm) => withComputed(form, path, source)),
  fc.tuple(fc.constantFrom(...PATHS), fc.option(formula, { nil: undefined })).map(([path, source]) => (form: DesignForm) => withDefaultFormula(form, path, source)),
  fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom('visible', 'required', 'readOnly'), fc.option(formula, { nil: undefined }), fc.boolean()).map(
    ([path, kind, source, keep]) => (form: DesignForm) => withRule(form, path, { [kind]: source, keepValueWhenHidden: keep }),
  ),
  fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...ROLES), fc.constantFrom(...FIELD_ACCESS)).map(
    ([path, role, level]) => (form: DesignForm) => withPermission(form, path, withFieldAccess(permissionOf(form, path), ROLES, role, level)),
  ),
  fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...FORM_ACTIONS), fc.boolean()).map(
    ([role, action, allowed]) => (form: DesignForm) => withAccess(form, withFormAction(accessOf(form), ROLES, role, action, allowed)),
  ),
);

describe('formulas, rules and permissions in the designer model', () => {
  it('round-trip byte for byte through the JSON text after any sequence of edits, with the text\'s own key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('titleField', 'list', 'messages'), fc.constant({})), fc.array(edit, { maxLength: 12 }), (start, edits) => {
        const edited = edits.reduce((form, apply) => apply(form), inspection(start));
        const text = definitionText(edited);
        const read = fromDefinition(JSON.parse(text) as FormDefinition);
        expect(definitionText(read)).toBe(text);
        expect(Object.keys(read.rest)).toEqual(Object.keys(edited.rest));
      }),
      { numRuns: 300 },
    );
  });

  it('change only the entry they are about and keep the others in place', () => {
    const form = withComputed(withComputed(inspection({ titleField: 'supplier' }), 'allPass', 'AND(characteristics.pass)'), 'characteristics.pass', 'TRUE');
    const changed = withComputed(form, 'allPass', 'FALSE');
    expect(Object.keys(changed.rest.computed as object)).toEqual(['allPass', 'characteristics.pass']);
    expect(computedOf(changed, 'characteristics.pass')).toBe('TRUE');
    expect(Object.keys(changed.rest)).toEqual(['titleField', 'computed']);
    expect(withComputed(withComputed(changed, 'allPass', undefined), 'characteristics.pass', undefined).rest).toEqual({ titleField: 'supplier' });
  });

  it('keep a field\'s first rule for the designer and the further ones untouched, and drop a rule without conditions', () => {
    const second = { field: 'reason', readOnly: 'TRUE' };
    const form = inspection({ rules: [{ field: 'reason', visible: 'result = "fail"' }, second] });
    const edited = withRule(form, 'reason', { required: 'result = "fail"' });
    expect(edited.rest.rules).toEqual([{ field: 'reason', visible: 'result = "fail"', required: 'result = "fail"' }, second]);
    expect(ruleOf(withRule(edited, 'reason', { visible: undefined, required: undefined }), 'reason')).toEqual(second);
  });

  it('move a field\'s formulas, rules and permissions with a new key, its columns\' too, and drop them with the field', () => {
    const form = inspection({
      computed: { 'characteristics.pass': 'AND(measured >= lower, measured <= upper)', allPass: 'AND(characteristics.pass)' },
      rules: [{ field: 'characteristics.measured', readOnly: 'TRUE' }],
      permissions: { characteristics: { write: ['inspector'] } },
    });
    const moved = movePath(form, 'characteristics', 'checks');
    expect(moved.rest).toEqual({
      computed: { 'checks.pass': 'AND(measured >= lower, measured <= upper)', allPass: 'AND(characteristics.pass)' },
      rules: [{ field: 'checks.measured', readOnly: 'TRUE' }],
      permissions: { checks: { write: ['inspector'] } },
    });
    expect(movePath(form, 'characteristics', null).rest).toEqual({ computed: { allPass: 'AND(characteristics.pass)' } });
  });

  it('keeps the record title on a renamed field and drops it with the field', () => {
    const form = withTitleField(inspection(), 'supplier');
    expect(toDefinition(form).titleField).toBe('supplier');
    expect(movePath(form, 'supplier', 'vendor').rest).toEqual({ titleField: 'vendor' });
    expect(movePath(form, 'result', 'verdict').rest).toEqual({ titleField: 'supplier' });
    expect(movePath(form, 'supplier', null).rest).toEqual({});
    expect(withTitleField(form, undefined).rest).toEqual({});
  });

  it('offers a column formula its own line\'s columns by name and the form\'s fields, never the field itself', () => {
    const names = formulaFields(inspection(), 'characteristics.pass', (field) => field.label.en).map((field) => field.name);
    expect(names).toEqual(['lower', 'upper', 'measured', 'supplier', 'result', 'reason', 'characteristics', 'allPass', 'characteristics.lower', 'characteristics.upper', 'characteristics.measured']);
    expect(formulaFields(inspection(), 'allPass', (field) => field.label.en).map((field) => field.name)).not.toContain('allPass');
  });

  it('judge a formula as the engine does when the form is published', () => {
    const sources = fc.constantFrom('measured', 'lower', 'upper', 'supplier', 'result', 'characteristics.measured', 'missing', '1', '"x"', 'TRUE');
    const operator = fc.constantFrom('>=', '<=', '+', '&', '=', 'AND', 'SUM');
    fc.assert(
      fc.property(sources, operator, sources, fc.constantFrom('characteristics.pass', 'allPass'), (left, op, right, path) => {
        const source = op === 'AND' || op === 'SUM' ? `${op}(${left}, ${right})` : `${left} ${op} ${right}`;
        const editor = diagnoseFormula(source, formulaFields(inspection(), path, (field) => field.name), 'boolean');
        const { problems } = analyzeForm(toDefinition(withComputed(inspection(), path, source)));
        const engine = problems.list.filter((problem) => problem.pointer.startsWith('/computed'));
        expect(editor.diagnostics.length === 0, source).toBe(engine.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the permission matrix', () => {
  const permissionDefinition = (permission: unknown): FormDefinition =>
    toDefinition(inspection(permission === undefined ? {} : { permissions: { supplier: permission } }));

  it('gives a role exactly the level chosen, keeps every other role\'s, and agrees with the engine', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...FIELD_ACCESS)), { minLength: 1, maxLength: 10 }), (steps) => {
        let permission = withFieldAccess(undefined, ROLES, ROLES[0]!, 'write');
        for (const [role, level] of steps) {
          const before = ROLES.map((other) => fieldAccess(permission, other));
          permission = withFieldAccess(permission, ROLES, role, level);
          expect(fieldAccess(permission, role)).toBe(level);
          ROLES.forEach((other, index) => {
            if (other !== role) expect(fieldAccess(permission, other)).toBe(before[index]);
          });
        }
        expect(permission === undefined).toBe(ROLES.every((role) => fieldAccess(permission, role) === 'write'));
        const { model } = analyzeForm(permissionDefinition(permission));
        const node = model.byPath.get('supplier')!;
        for (const role of ROLES) {
          const level = fieldAccess(permission, role);
          expect(canRead(model, node, [role])).toBe(level !== 'hidden');
          expect(canWrite(model, node, [role])).toBe(level === 'write');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('ticks form actions as the runtime grants them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...FORM_ACTIONS), fc.boolean()), { maxLength: 12 }), (steps) => {
        let access = {};
        for (const [role, action, allowed] of steps) {
          access = withFormAction(access, ROLES, role, action, allowed);
          expect(mayTake(access, action, role)).toBe(allowed);
        }
        const definition = toDefinition(withAccess(inspection(), access));
        for (const role of ROLES) {
          for (const action of ['create', 'update', 'delete'] as const) expect(mayUseForm(definition, [role], action)).toBe(mayTake(access, action, role));
          if (mayTake(access, 'read', role)) expect(mayUseForm(definition, [role], 'read')).toBe(true);
        }
      }),
    );
  });
});
