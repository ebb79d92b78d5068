import { computeFields, type FormulaFailure } from './compute-fields.js';
import { copyData } from './field-slots.js';
import { evaluateSlotStates, publicState, type StatedSlot } from './field-states.js';
import type { FieldNode, FieldStates, FormContext, FormModel, LookupRecords } from './form-model.js';
import { hasOwn, type JsonObject } from './json-data.js';
import { applyLookupFill } from './lookup-fill.js';
import { canRead, canWrite } from './permissions.js';

/** Everything one evaluation of the form found; evaluate() shows part of it, check() all. */
export interface FormRun {
  readonly data: JsonObject;
  /** Final slots with their states, including fields the roles may not read. */
  readonly slots: readonly StatedSlot[];
  /** Computed fields whose formula failed on visible slots. */
  readonly failures: readonly FormulaFailure[];
  /** Data pointers of visible lookups whose picked record was not supplied. */
  readonly missingLookups: readonly string[];
}

function keepsValueWhenHidden(model: FormModel, node: FieldNode): boolean {
  const table = node.subTable === undefined ? undefined : model.byPath.get(node.subTable);
  return node.rules.keepValueWhenHidden || (table?.rules.keepValueWhenHidden ?? false);
}

/**
 * Removes the values of hidden fields; reports whether an entered (not computed) value went. A field
 * the roles may not write keeps its value: hiding it must not let them change it.
 */
function clearHidden(model: FormModel, slots: readonly StatedSlot[], computed: boolean, roles: readonly string[]): boolean {
  let cleared = false;
  for (const { node, holder, state } of slots) {
    if (state.visible || (node.formula !== undefined) !== computed || keepsValueWhenHidden(model, node)) continue;
    if (!computed && !canWrite(model, node, roles)) continue;
    if (!hasOwn(holder, node.name)) continue;
    delete holder[node.name];
    cleared = true;
  }
  return cleared;
}

/**
 * The live evaluation: lookup fill, computed fields in dependency order, rule states, then hidden
 * values the roles may write cleared and everything recomputed until no entered value is cleared any more (each pass
 * removes at least one value, so this ends). Never throws: any input gives a result.
 */
export function runForm(model: FormModel, input: unknown, context: FormContext, records: LookupRecords): FormRun {
  const data = copyData(model, input);
  const picked = applyLookupFill(model, data, records);
  let failures: FormulaFailure[];
  let slots: StatedSlot[];
  do {
    failures = computeFields(model, data, context.now);
    slots = evaluateSlotStates(model, data, context);
  } while (clearHidden(model, slots, false, context.roles));
  clearHidden(model, slots, true, context.roles);

  const visible = new Set(slots.filter((slot) => slot.state.visible).map((slot) => slot.pointer));
  return {
    data,
    slots,
    failures: failures.filter((failure) => visible.has(failure.pointer)),
    missingLookups: picked.filter((pointer) => visible.has(pointer)),
  };
}

/** The states the roles may see, by data pointer. */
export function visibleStates(model: FormModel, slots: readonly StatedSlot[], roles: readonly string[]): FieldStates {
  const states: FieldStates = {};
  for (const slot of slots) {
    if (canRead(model, slot.node, roles)) states[slot.pointer] = publicState(slot.state);
  }
  return states;
}
