import type { FormDefinition } from '../../definitions/generated/definition-types.js';
import { applyDefaults } from './apply-defaults.js';
import { keepBlindComputed } from './blind-computed.js';
import { buildFormModel } from './build-form-model.js';
import { runForm, visibleStates } from './evaluate-form.js';
import type { DataFieldError, EvaluationResult, FieldInfo, FormContext, FormModel, LookupRecords } from './form-model.js';
import { lookupRequests, type LookupRequest } from './lookup-fill.js';
import { modelErrors } from './model-checks.js';
import { projectData } from './permissions.js';
import { toRjsf, type RjsfForm } from './rjsf-schema.js';

/** What the browser needs of a form, without ajv (which compiles with `new Function`). */
export interface LiveForm {
  readonly definition: FormDefinition;
  readonly model: FormModel;
  readonly fields: readonly FieldInfo[];
  /** What to fetch before evaluate or check: the picked record ids per lookup form. */
  lookupRequests(data: unknown): LookupRequest[];
  /** The data a new record starts with: schema defaults and `defaults` formulas. */
  initialData(context: FormContext): Record<string, unknown>;
  /**
   * Lookup fill, computed fields, rule states and hidden clearing; never throws. A computed field
   * that reads a field the roles may not read keeps the value in `data` (the server's).
   */
  evaluate(data: unknown, context: FormContext, lookups?: LookupRecords): EvaluationResult;
  /** The ajv-free checks (required, lookup, formula) the browser shows while the user types. */
  liveErrors(data: unknown, context: FormContext, lookups?: LookupRecords): DataFieldError[];
  /** Record data without the fields the roles may not read. */
  project(data: unknown, context: Pick<FormContext, 'roles'>): Record<string, unknown>;
  toRjsf(context: FormContext): RjsfForm;
}

export function liveFormOf(model: FormModel): LiveForm {
  return Object.freeze({
    definition: model.definition,
    model,
    fields: model.fields,
    lookupRequests: (data: unknown) => lookupRequests(model, data),
    initialData: (context: FormContext) => {
      const data: Record<string, unknown> = {};
      applyDefaults(model, data, context);
      return data;
    },
    evaluate: (data: unknown, context: FormContext, lookups: LookupRecords = {}) => {
      const run = runForm(model, data, context, lookups);
      return { data: keepBlindComputed(model, data, run.data, context.roles), states: visibleStates(model, run.slots, context.roles) };
    },
    liveErrors: (data: unknown, context: FormContext, lookups: LookupRecords = {}) =>
      modelErrors(model, runForm(model, data, context, lookups), context.locale),
    project: (data: unknown, context: Pick<FormContext, 'roles'>) => projectData(model, data, context.roles),
    toRjsf: (context: FormContext) => toRjsf(model, context),
  });
}

/** Compiles a definition for the browser; throws ORDO_ERR_DEFINITION_INVALID like compileForm. */
export function compileLiveForm(definition: FormDefinition): LiveForm {
  return liveFormOf(buildFormModel(definition));
}
