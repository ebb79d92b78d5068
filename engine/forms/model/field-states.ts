import type { CompiledExpression, EvaluationContext } from '../../expressions/index.js';
import { runFormula } from './compute-fields.js';
import { fieldSlots, type FieldSlot } from './field-slots.js';
import type { FieldState, FormContext, FormModel } from './form-model.js';
import { getOwn, isBlank, type JsonObject } from './json-data.js';
import { canWrite } from './permissions.js';

export interface SlotState extends FieldState {
  /** Read-only because a rule says so (not because of computing, serials or permissions). */
  readonly lockedByRule: boolean;
}

export interface StatedSlot extends FieldSlot {
  readonly state: SlotState;
}

/** A rule that fails or returns something else than TRUE/FALSE counts as `fallback`. */
function holds(formula: CompiledExpression, context: EvaluationContext, now: Date | undefined, fallback: boolean): boolean {
  const outcome = runFormula(formula, context, now);
  return outcome.ok && typeof outcome.value === 'boolean' ? outcome.value : fallback;
}

/**
 * The visible / required / read-only state of every slot of the data. Schema `required` is the
 * base; rules on a column run per line. A hidden field is not required; a hidden sub-table hides
 * its columns.
 */
export function evaluateSlotStates(model: FormModel, data: JsonObject, context: FormContext): StatedSlot[] {
  const now = context.now;
  const tableVisible = new Map<string, boolean>();
  return fieldSlots(model, data).map((slot) => {
    const { node, holder } = slot;
    const formulaContext: EvaluationContext = node.subTable === undefined ? { fields: data } : { fields: data, row: holder };
    const parentVisible = node.subTable === undefined ? true : (tableVisible.get(node.subTable) ?? true);
    const visible = parentVisible && node.rules.visible.every((rule) => holds(rule, formulaContext, now, true));
    if (node.type === 'table') tableVisible.set(node.name, visible);
    const lockedByRule = node.rules.readOnly.some((rule) => holds(rule, formulaContext, now, false));
    const required =
      visible && node.serial === undefined &&
      (node.schemaRequired || node.rules.required.some((rule) => holds(rule, formulaContext, now, false)));
    const filledNow = node.filledBy !== undefined && !isBlank(getOwn(holder, model.byPath.get(node.filledBy)?.name ?? ''));
    const readOnly =
      lockedByRule || node.formula !== undefined || node.serial !== undefined || filledNow ||
      !canWrite(model, node, context.roles);
    return { ...slot, state: { visible, required, readOnly, lockedByRule } };
  });
}

export function publicState(state: SlotState): FieldState {
  return { visible: state.visible, required: state.required, readOnly: state.readOnly };
}
