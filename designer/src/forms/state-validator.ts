import type { RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';
import { matchesSchema } from './schema-match.js';
import { toErrorList, toErrorSchema, type DataError } from './error-schema.js';

type FormValue = Record<string, unknown>;

/**
 * rjsf's validator, backed by our form model instead of ajv: ajv compiles schemas with
 * `new Function`, which the server's CSP (`script-src 'self'`) forbids in the browser. It reports
 * the errors `check` computes (required fields from the rules' field states); the server's own
 * errors arrive on submit and are shown through `extraErrors`.
 */
export function createStateValidator(check: (data: FormValue) => readonly DataError[]): ValidatorType<FormValue, RJSFSchema> {
  return {
    validateFormData(formData): ValidationData<FormValue> {
      const errors = check(formData ?? {});
      return { errors: toErrorList(errors), errorSchema: toErrorSchema(errors) };
    },
    // rjsf asks this to pick oneOf/anyOf branches and resolve if/then.
    isValid: (schema, formData) => matchesSchema(schema, formData),
    rawValidation: (schema, formData) => (matchesSchema(schema, formData) ? {} : { validationError: new Error('The data does not match the schema') }),
  };
}
