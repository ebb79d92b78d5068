import { Ajv, type Options } from 'ajv';
import type { FastifyInstance, FastifySchema } from 'fastify';

/*
 * Route schemas are ours (trusted); the data they check is not. Fastify's default ajv coerces types
 * and silently drops unknown properties, which would let `"qty": "7"` or a misspelt field through.
 * Bodies, params and headers are therefore checked exactly as sent; only query strings, where every
 * value arrives as text, may coerce to numbers and wrap a single value into an array.
 */
const COMMON_OPTIONS: Options = {
  allErrors: false,
  removeAdditional: false,
  $data: false,
  ownProperties: true,
  strict: true,
};

const exactAjv = new Ajv({ ...COMMON_OPTIONS, coerceTypes: false, useDefaults: false });
const queryAjv = new Ajv({ ...COMMON_OPTIONS, coerceTypes: 'array', useDefaults: true });

export function installSchemaValidators(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'querystring' ? queryAjv : exactAjv;
    return ajv.compile(schema as FastifySchema & object);
  });
}
