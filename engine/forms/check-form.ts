import type { DataValidator } from './data-validator.js';
import { toFieldErrors } from './data-validator.js';
import {
  applyDefaults,
  copyData,
  fieldMessage,
  fieldSlots,
  getOwn,
  jsonEqual,
  pointerOf,
  isPlainObject,
  modelErrors,
  requestPointer,
  runForm,
  visibleStates,
  type CheckInput,
  type CheckResult,
  type DataFieldError,
  type FieldSlot,
  type JsonObject,
  type FormContext,
  type FormModel,
  type LookupRecords,
} from './model/index.js';
import { withoutConsequentialFormulaErrors } from './formula-error-filter.js';
import { guardReadOnly, guardWrites } from './write-guard.js';

/**
 * The server's full check of submitted data: schema defaults on create, permissions and read-only rules against the previous
 * record, then the live evaluation (lookup fill, computed fields, rules, hidden clearing), then
 * required fields, lookups and formulas, then ajv on the result. Returns the data as it would be
 * stored, the field states and every error; throws only on programming errors.
 */
export function checkForm(
  model: FormModel,
  validator: DataValidator,
  input: CheckInput,
  context: FormContext,
  lookups: LookupRecords,
): CheckResult {
  const errors: DataFieldError[] = [];
  if (!isPlainObject(input.data)) {
    errors.push({ pointer: requestPointer(''), code: 'type', message: fieldMessage('type', { type: 'object' }, context.locale, undefined) });
  }
  const data = copyData(model, input.data);
  const oversized = oversizedTables(model, data, context);
  if (oversized.length > 0) return { data, states: {}, errors: oversized };
  const previous = input.previous === undefined ? undefined : copyData(model, input.previous);
  errors.push(...guardWrites(model, data, previous, context, lookups));
  // After the write guard: a default is the engine's value, not one the person sent.
  if (previous === undefined) applyDefaults(model, data, context);
  if (previous !== undefined) errors.push(...guardReadOnly(model, data, previous, context, lookups));

  const run = runForm(model, data, context, lookups);
  const kept = previous === undefined ? new Set<string>() : unchangedLookups(model, run.slots, previous);
  // A record that points at one since deleted stays editable: only a newly picked record must exist.
  const fromModel = modelErrors(model, run, context.locale).filter((error) => error.code !== 'lookup' || !kept.has(error.pointer));
  const hidden = run.slots.filter((slot) => !slot.state.visible).map((slot) => slot.pointer);
  const requiredAt = new Set(fromModel.filter((error) => error.code === 'required').map((error) => error.pointer));
  const skip = (pointer: string): boolean =>
    requiredAt.has(requestPointer(pointer)) || hidden.some((hiddenPointer) => pointer === hiddenPointer || pointer.startsWith(`${hiddenPointer}/`));
  errors.push(...fromModel, ...toFieldErrors(model, validator.validate(run.data), context.locale, skip));
  return {
    data: run.data,
    states: visibleStates(model, run.slots, context.roles),
    errors: withoutConsequentialFormulaErrors(model, errors).slice(0, MAX_FIELD_ERRORS),
  };
}

/** Enough for any form a person reads; a longer list of errors says nothing more. */
export const MAX_FIELD_ERRORS = 100;

/** Lines a sub-table may hold whatever its schema says: every formula and rule runs once per line. */
export const MAX_LINES = 1000;

/**
 * Sub-tables with more lines than their `maxItems` (or MAX_LINES) are refused before any formula
 * runs, so the size of a request, not the schema, can never decide how much work it causes.
 */
function oversizedTables(model: FormModel, data: JsonObject, context: FormContext): DataFieldError[] {
  const errors: DataFieldError[] = [];
  for (const node of model.fields) {
    if (node.type !== 'table') continue;
    const lines = getOwn(data, node.name);
    const declared = node.schema['maxItems'];
    const limit = typeof declared === 'number' ? Math.min(declared, MAX_LINES) : MAX_LINES;
    if (Array.isArray(lines) && lines.length > limit) {
      errors.push({ pointer: requestPointer(pointerOf(node.name)), code: 'maxItems', message: fieldMessage('maxItems', { limit }, context.locale, node) });
    }
  }
  return errors;
}

/** Request pointers of lookup fields whose value is the one already stored. */
function unchangedLookups(model: FormModel, slots: readonly FieldSlot[], previous: JsonObject): Set<string> {
  const before = new Map(fieldSlots(model, previous).map((slot) => [slot.pointer, slot]));
  const kept = new Set<string>();
  for (const slot of slots) {
    if (slot.node.lookup === undefined) continue;
    const prior = before.get(slot.pointer);
    if (prior !== undefined && jsonEqual(getOwn(prior.holder, prior.node.name), getOwn(slot.holder, slot.node.name))) {
      kept.add(requestPointer(slot.pointer));
    }
  }
  return kept;
}
