import type { Locale } from '../../errors/index.js';
import type { FormRun } from './evaluate-form.js';
import { fieldMessage } from './field-messages.js';
import type { DataFieldError, FormModel } from './form-model.js';
import { getOwn, isBlank } from './json-data.js';

/** The pointer of a data pointer inside a request body `{data}`. */
export function requestPointer(dataPointer: string): string {
  return `/data${dataPointer}`;
}

/**
 * The checks that need no ajv, so the browser can show them while the user types: required fields
 * (schema base plus rules, hidden fields exempt), lookups whose record is gone, failed formulas.
 */
export function modelErrors(model: FormModel, run: FormRun, locale: Locale): DataFieldError[] {
  const errors: DataFieldError[] = [];
  for (const { node, pointer, holder, state } of run.slots) {
    if (state.required && isBlank(getOwn(holder, node.name))) {
      errors.push({ pointer: requestPointer(pointer), code: 'required', message: fieldMessage('required', {}, locale, node) });
    }
  }
  const nodeAt = new Map(run.slots.map((slot) => [slot.pointer, slot.node]));
  for (const pointer of run.missingLookups) {
    errors.push({ pointer: requestPointer(pointer), code: 'lookup', message: fieldMessage('lookup', {}, locale, nodeAt.get(pointer)) });
  }
  for (const failure of run.failures) {
    const node = model.byPath.get(failure.path);
    errors.push({
      pointer: requestPointer(failure.pointer),
      code: 'formula',
      message: fieldMessage('formula', { detail: failure.message }, locale, node),
    });
  }
  return errors;
}
