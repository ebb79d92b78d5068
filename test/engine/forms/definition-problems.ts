import type { FieldError } from '../../../engine/errors/index.js';
import { OrdoError } from '../../../engine/errors/index.js';
import { compileForm, type FormDefinition } from '../../../engine/forms/index.js';

/** Every problem compileForm reports for a definition; none when it compiles. */
export function problemsOf(definition: FormDefinition): readonly FieldError[] {
  try {
    compileForm(definition);
  } catch (error) {
    if (error instanceof OrdoError && error.code === 'ORDO_ERR_DEFINITION_INVALID') return error.fields;
    throw error;
  }
  return [];
}
