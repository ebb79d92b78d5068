import {
  canWrite,
  fieldMessage,
  fieldSlots,
  getOwn,
  hasOwn,
  isBlank,
  jsonEqual,
  requestPointer,
  runForm,
  type DataFieldError,
  type FieldSlot,
  type FormContext,
  type FormModel,
  type JsonObject,
  type LookupRecords,
} from './model/index.js';

function restore(slot: FieldSlot, previous: unknown): void {
  if (previous === undefined) delete slot.holder[slot.node.name];
  else slot.holder[slot.node.name] = previous;
}

/**
 * Fields the engine writes itself: computed ones, and fill targets while their lookup holds a pick
 * that was found (an unknown or unfetched pick fills nothing, so the person's value would stand).
 */
function systemWritten(model: FormModel, slot: FieldSlot, lookups: LookupRecords): boolean {
  if (slot.node.formula !== undefined) return true;
  const lookup = slot.node.filledBy === undefined ? undefined : model.byPath.get(slot.node.filledBy);
  if (lookup?.lookup === undefined) return false;
  const picked = getOwn(slot.holder, lookup.name);
  return !isBlank(picked) && typeof picked === 'string' && getOwn(lookups[lookup.lookup.form], picked) !== undefined;
}

function slotsByPointer(model: FormModel, data: JsonObject | undefined): Map<string, FieldSlot> {
  return new Map(data === undefined ? [] : fieldSlots(model, data).map((slot) => [slot.pointer, slot]));
}

/**
 * Applies field permissions to incoming data in place, before anything is computed. Creating
 * (no `previous`): a value for a field the roles may not write is `forbidden` and dropped, except
 * the schema's `default` (which rjsf fills in); serial numbers are dropped for the store to assign. Updating: such fields keep their previous value, and a value
 * the client sent that differs is `forbidden`. Sub-table lines are matched by index.
 */
export function guardWrites(
  model: FormModel,
  data: JsonObject,
  previous: JsonObject | undefined,
  context: FormContext,
  lookups: LookupRecords,
): DataFieldError[] {
  const errors: DataFieldError[] = [];
  const before = slotsByPointer(model, previous);
  const restoredTables = new Set<string>();
  for (const slot of fieldSlots(model, data)) {
    const { node, holder } = slot;
    if (node.subTable !== undefined && restoredTables.has(node.subTable)) continue;
    if (systemWritten(model, slot, lookups)) continue;
    const serial = node.serial !== undefined;
    if (!serial && canWrite(model, node, context.roles)) continue;
    const value = getOwn(holder, node.name);
    const priorSlot = before.get(slot.pointer);
    const prior = priorSlot === undefined ? undefined : getOwn(priorSlot.holder, node.name);
    if (jsonEqual(value, prior)) continue;
    if (previous === undefined && !serial && jsonEqual(value, node.schema['default'])) continue;
    if (hasOwn(holder, node.name) && !(serial && previous === undefined)) {
      const code = serial ? 'readOnly' : 'forbidden';
      errors.push({ pointer: requestPointer(slot.pointer), code, message: fieldMessage(code, {}, context.locale, node) });
    }
    restore(slot, prior);
    if (node.type === 'table') restoredTables.add(node.name);
  }
  return errors;
}

/**
 * On update, a field that a rule makes read-only (in the stored record or in the new data) keeps
 * its previous value; a different value the client sent is a `readOnly` error.
 */
export function guardReadOnly(
  model: FormModel,
  data: JsonObject,
  previous: JsonObject,
  context: FormContext,
  lookups: LookupRecords,
): DataFieldError[] {
  const locked = new Set<string>();
  for (const run of [runForm(model, previous, context, lookups), runForm(model, data, context, lookups)]) {
    for (const slot of run.slots) if (slot.state.lockedByRule) locked.add(slot.pointer);
  }
  const errors: DataFieldError[] = [];
  const before = slotsByPointer(model, previous);
  for (const slot of fieldSlots(model, data)) {
    if (!locked.has(slot.pointer) || systemWritten(model, slot, lookups)) continue;
    const priorSlot = before.get(slot.pointer);
    const prior = priorSlot === undefined ? undefined : getOwn(priorSlot.holder, slot.node.name);
    const value = getOwn(slot.holder, slot.node.name);
    if (jsonEqual(value, prior)) continue;
    if (hasOwn(slot.holder, slot.node.name)) {
      errors.push({
        pointer: requestPointer(slot.pointer),
        code: 'readOnly',
        message: fieldMessage('readOnly', {}, context.locale, slot.node),
      });
    }
    restore(slot, prior);
  }
  return errors;
}
