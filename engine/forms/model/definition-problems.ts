import { OrdoError, type FieldError } from '../../errors/index.js';

/**
 * Collects every problem found in one form definition, so compileForm can report them all in a
 * single ORDO_ERR_DEFINITION_INVALID instead of stopping at the first.
 */
export class DefinitionProblems {
  private readonly found: FieldError[] = [];

  add(pointer: string, code: string, message: string): void {
    this.found.push(Object.freeze({ pointer, code, message }));
  }

  get list(): readonly FieldError[] {
    return this.found;
  }

  throwIfAny(formId: string): void {
    if (this.found.length === 0) return;
    const summary = this.found.map((problem) => `${problem.pointer}: ${problem.message}`).join('; ');
    throw new OrdoError('ORDO_ERR_DEFINITION_INVALID', `form "${formId}" is not valid: ${summary}`, {
      fields: [...this.found],
    });
  }
}
