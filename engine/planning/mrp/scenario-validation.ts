import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { escapePointer } from '../../definitions/meta-schema-validator.js';
import type { FieldError } from '../../errors/index.js';
import type { MrpScenario } from '../generated/planning-types.js';
import commonSchema from '../schemas/planning-common.schema.json' with { type: 'json' };
import scenarioSchema from '../schemas/mrp-scenario.schema.json' with { type: 'json' };
import { scenarioProblems, throwIfProblems } from './scenario-checks.js';

let validator: ValidateFunction | undefined;

// Compiled on first use: planning from a typed scenario in memory never needs it.
function compiled(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addSchema(commonSchema);
    validator = ajv.compile(scenarioSchema);
  }
  return validator;
}

/**
 * Checks untrusted input (an API body, a file) against the scenario schema and the checks the schema
 * cannot express. Shape problems throw ORDO_ERR_MRP_SCENARIO_INVALID with a JSON pointer per field;
 * references between records are left to the plan, which reports them as exceptions.
 */
export function validateMrpScenario(input: unknown): MrpScenario {
  const validate = compiled();
  if (!validate(input)) throwIfProblems((validate.errors ?? []).map(fieldError));
  const scenario = input as MrpScenario;
  throwIfProblems(scenarioProblems(scenario));
  return scenario;
}

function fieldError(error: ErrorObject): FieldError {
  if (error.keyword === 'required') {
    const missing = String(error.params['missingProperty']);
    return { pointer: `${error.instancePath}/${escapePointer(missing)}`, code: 'required', message: `missing required property "${missing}"` };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String(error.params['additionalProperty']);
    return { pointer: `${error.instancePath}/${escapePointer(extra)}`, code: 'additionalProperties', message: `unknown property "${extra}"` };
  }
  return { pointer: error.instancePath, code: error.keyword, message: error.message ?? `fails ${error.keyword}` };
}
