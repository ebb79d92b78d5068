import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ctpPromise from '../../engine/planning/schemas/ctp-promise.schema.json' with { type: 'json' };
import ctpRequest from '../../engine/planning/schemas/ctp-request.schema.json' with { type: 'json' };
import mrpPlan from '../../engine/planning/schemas/mrp-plan.schema.json' with { type: 'json' };
import mrpScenario from '../../engine/planning/schemas/mrp-scenario.schema.json' with { type: 'json' };
import planningCommon from '../../engine/planning/schemas/planning-common.schema.json' with { type: 'json' };
import type { FieldError } from '../../engine/errors/index.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** Enough to fix a request; a thousand problems say no more than fifty. */
const MAX_ERRORS = 50;

/** The planning contract's schemas by title, for checks against them (tests, the assembler's self-check). */
export const PLANNING_SCHEMAS = Object.freeze({ MrpScenario: mrpScenario, MrpPlan: mrpPlan, CtpRequest: ctpRequest, CtpPromise: ctpPromise });

let sharedAjv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function ajvInstance(): Ajv2020 {
  if (sharedAjv === undefined) {
    sharedAjv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, $data: false, coerceTypes: false, useDefaults: false });
    addFormats(sharedAjv);
    // Function schemas may be these very schemas or point into them ($ref to planning-common).
    for (const schema of [planningCommon, mrpScenario, mrpPlan, ctpRequest, ctpPromise]) sharedAjv.addSchema(schema);
  }
  return sharedAjv;
}

function validatorOf(schema: Readonly<Record<string, unknown>>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached !== undefined) return cached;
  const ajv = ajvInstance();
  const id = typeof schema['$id'] === 'string' ? schema['$id'] : undefined;
  const validate = (id === undefined ? undefined : ajv.getSchema(id)) ?? ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/** Problems of a value against a JSON Schema (2020-12, formats, planning schemas resolvable), pointers prefixed with `at`. */
export function schemaProblems(schema: Readonly<Record<string, unknown>>, value: unknown, at = ''): FieldError[] {
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, MAX_ERRORS).map((error) => ({ pointer: `${at}${pointerOf(error)}`, code: error.keyword, message: messageOf(error) }));
}

function pointerOf(error: ErrorObject): string {
  const property = error.params['missingProperty'] ?? error.params['additionalProperty'];
  return typeof property === 'string' ? `${error.instancePath}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}` : error.instancePath;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown property "${String(error.params['additionalProperty'])}"`;
  if (error.keyword === 'required') return 'is required';
  return error.message ?? error.keyword;
}
