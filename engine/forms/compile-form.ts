import type { FormDefinition } from '../definitions/generated/definition-types.js';
import { OrdoError } from '../errors/index.js';
import { checkForm } from './check-form.js';
import { compileDataValidator } from './data-validator.js';
import {
  analyzeForm,
  liveFormOf,
  type CheckInput,
  type CheckResult,
  type FormContext,
  type LiveForm,
  type LookupRecords,
} from './model/index.js';

export interface CompiledForm extends LiveForm {
  /** Evaluates and validates submitted data; see checkForm. */
  check(input: CheckInput, context: FormContext, lookups?: LookupRecords): CheckResult;
  /**
   * The data to store. Throws ORDO_ERR_FIELD_FORBIDDEN (403) when the only errors are fields the
   * roles may not write, ORDO_ERR_VALIDATION (422) for any other error; both list every field error.
   */
  prepare(input: CheckInput, context: FormContext, lookups?: LookupRecords): Record<string, unknown>;
}

/**
 * Compiles a form definition once: the form model, then the ajv validator of its data. Throws one
 * ORDO_ERR_DEFINITION_INVALID whose `fields` list every problem with a pointer into the definition.
 */
export function compileForm(definition: FormDefinition): CompiledForm {
  const { model, problems } = analyzeForm(definition);
  // ajv sees the schema only once Ordo's own schema checks (refused keywords, depth, patterns) pass.
  const schemaSafe = problems.list.every((problem) => !problem.pointer.startsWith('/schema'));
  const validator = schemaSafe ? compileDataValidator(model, problems) : undefined;
  problems.throwIfAny(definition.id);
  if (validator === undefined) throw new OrdoError('ORDO_ERR_INTERNAL', 'a form compiled without problems has no validator');

  const check = (input: CheckInput, context: FormContext, lookups: LookupRecords = {}): CheckResult =>
    checkForm(model, validator, input, context, lookups);
  return Object.freeze({
    ...liveFormOf(model),
    check,
    prepare(input: CheckInput, context: FormContext, lookups: LookupRecords = {}): Record<string, unknown> {
      const { data, errors } = check(input, context, lookups);
      if (errors.length === 0) return data;
      const forbiddenOnly = errors.every((error) => error.code === 'forbidden');
      const code = forbiddenOnly ? 'ORDO_ERR_FIELD_FORBIDDEN' : 'ORDO_ERR_VALIDATION';
      const summary = errors.map((error) => `${error.pointer}: ${error.message}`).join('; ');
      throw new OrdoError(code, `form "${definition.id}": ${summary}`, { fields: errors });
    },
  });
}
