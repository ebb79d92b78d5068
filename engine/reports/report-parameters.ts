import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { escapePointer } from '../definitions/index.js';
import { OrdoError, type FieldError } from '../errors/index.js';

// ajv-formats is CommonJS whose module object is the plugin; NodeNext types it as the namespace.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

export type ParametersSchema = { readonly type: 'object'; readonly properties: Readonly<Record<string, unknown>>; readonly required?: readonly string[] };

export interface ParametersValidator {
  /** The parameters with defaults applied; throws ORDO_ERR_REPORT_PARAMETERS_INVALID with a pointer per problem. */
  check(parameters: unknown): Record<string, unknown>;
}

let ajv: Ajv2020 | undefined;

function instance(): Ajv2020 {
  if (ajv === undefined) {
    ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false, coerceTypes: false });
    addFormats(ajv);
  }
  return ajv;
}

/** The schema ajv checks: the declared one, closed, without the designer's uiSchema. */
function closedSchema(schema: ParametersSchema | undefined): Record<string, unknown> {
  if (schema === undefined) return { type: 'object', properties: {}, additionalProperties: false };
  const { uiSchema: _ui, ...rest } = schema as ParametersSchema & { uiSchema?: unknown };
  return { ...rest, additionalProperties: false };
}

/** Compiles a report's parameter schema; a schema ajv cannot compile is a definition problem. */
export function compileParameters(schema: ParametersSchema | undefined): ParametersValidator {
  let validate: ValidateFunction;
  try {
    validate = instance().compile(closedSchema(schema));
  } catch (error) {
    throw new OrdoError('ORDO_ERR_DEFINITION_INVALID', `The parameters schema cannot be compiled: ${(error as Error).message}`, {
      fields: [{ pointer: '/parameters', code: 'schema', message: (error as Error).message }],
    });
  }
  return {
    check(parameters) {
      const value = structuredClone(parameters ?? {});
      if (validate(value)) return value as Record<string, unknown>;
      const fields: FieldError[] = (validate.errors ?? []).map((error) => {
        const extra = error.keyword === 'additionalProperties' ? `/${escapePointer(String(error.params['additionalProperty']))}` : '';
        const missing = error.keyword === 'required' ? `/${escapePointer(String(error.params['missingProperty']))}` : '';
        return { pointer: `/parameters${error.instancePath}${extra}${missing}`, code: error.keyword, message: error.message ?? error.keyword };
      });
      throw new OrdoError('ORDO_ERR_REPORT_PARAMETERS_INVALID', 'The report parameters are not valid', { fields });
    },
  };
}
