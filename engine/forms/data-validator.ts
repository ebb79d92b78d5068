import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Locale } from '../errors/index.js';
import {
  ATTACHMENT_ITEMS_SCHEMA,
  MAX_ATTACHMENTS_PER_FIELD,
  ORDO_FIELD_KEYWORD,
  fieldMessage,
  getOwn,
  isPlainObject,
  requestPointer,
  rewriteSchema,
  type DataFieldError,
  type DefinitionProblems,
  type FieldNode,
  type FormModel,
  type JsonObject,
} from './model/index.js';

/** ajv returns every error (allErrors); the caller gets at most this many. */
export const MAX_VALIDATION_ERRORS = 50;

// ajv-formats is CommonJS whose module object is the plugin; NodeNext types it as the namespace.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** A compiled validator of one form's record data. */
export interface DataValidator {
  /** ajv's errors for the data, at most MAX_VALIDATION_ERRORS. */
  validate(data: unknown): readonly ErrorObject[];
}

/**
 * Keywords that lead to the shape of the data itself; objects reached through applicators such as
 * `if`, `allOf` or `not` are partial views of an object, and closing them would change their meaning.
 */
const STRUCTURAL = new Set([undefined, 'properties', 'patternProperties', 'additionalProperties', 'items', 'prefixItems', '$defs', 'unevaluatedItems', 'unevaluatedProperties']);

function closesObject(schema: JsonObject, via: string | undefined): boolean {
  if (!STRUCTURAL.has(via)) return false;
  const type = schema['type'];
  const isObject = type === 'object' || (Array.isArray(type) && type.includes('object')) || isPlainObject(schema['properties']);
  return isObject && !('additionalProperties' in schema) && !('unevaluatedProperties' in schema);
}

/**
 * The schema ajv compiles: every object closed (additionalProperties false) unless it says
 * otherwise, and without the `required` lists of the record and its sub-table lines, because
 * requiredness depends on rules and is checked by the model (model-checks.ts).
 */
export function validationSchemaOf(model: FormModel): JsonObject {
  const schema = rewriteSchema(model.definition.schema as unknown as JsonObject, (node, via) =>
    closesObject(node, via) ? { ...node, additionalProperties: false } : node,
  );
  delete schema['required'];
  const properties = getOwn(schema, 'properties');
  for (const node of model.fields) {
    const property = getOwn(properties, node.name);
    if (node.kind === 'attachments' && node.subTable === undefined && isPlainObject(property)) {
      property['items'] = structuredClone(ATTACHMENT_ITEMS_SCHEMA);
      property['maxItems'] ??= MAX_ATTACHMENTS_PER_FIELD;
    }
    if (node.type !== 'table' || node.subTable !== undefined) continue;
    const items = getOwn(getOwn(properties, node.name), 'items');
    if (isPlainObject(items)) delete items['required'];
  }
  return schema;
}

let sharedAjv: Ajv2020 | undefined;

/**
 * One ajv instance for all forms: creating one compiles the 2020-12 meta-schema, which costs more
 * than compiling a form. Each form's schema is removed from its cache right after compiling, so
 * forms compiled over a server's life do not pile up.
 */
function ajvInstance(): Ajv2020 {
  if (sharedAjv === undefined) {
    sharedAjv = new Ajv2020({
      strict: true,
      allErrors: true,
      allowUnionTypes: true,
      $data: false,
      coerceTypes: false,
      useDefaults: false,
      removeAdditional: false,
      // Money is `multipleOf: 0.01`: without a tolerance 1234.56 fails it through binary rounding, and
      // 1e-4 of the step stays exact for amounts up to about 10^11.
      multipleOfPrecision: 4,
    });
    addFormats(sharedAjv);
    // An annotation: what a member, department or attachment value means is checked by the runtime.
    sharedAjv.addKeyword({ keyword: ORDO_FIELD_KEYWORD, schemaType: 'string' });
  }
  return sharedAjv;
}

/**
 * Compiles the form's validator once: ajv 2020 in strict mode, all errors, formats, no `$data`,
 * no coercion, no defaults. A schema ajv refuses becomes a definition problem at `/schema`.
 */
export function compileDataValidator(model: FormModel, problems: DefinitionProblems): DataValidator | undefined {
  const ajv = ajvInstance();
  const schema = validationSchemaOf(model);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    problems.add('/schema', 'schema', `the data schema is not valid: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    // Safe because data schemas carry no $id or anchors (schema-checks.ts): only this form's entry goes.
    ajv.removeSchema(schema);
  }
  return {
    validate(data) {
      return validate(data) ? [] : (validate.errors ?? []).slice(0, MAX_VALIDATION_ERRORS);
    },
  };
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The data pointer an error is about: the missing or unknown property itself where there is one. */
function dataPointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const property =
    error.keyword === 'required' || error.keyword === 'dependentRequired'
      ? params['missingProperty']
      : error.keyword === 'additionalProperties'
        ? params['additionalProperty']
        : error.keyword === 'unevaluatedProperties'
          ? params['unevaluatedProperty']
          : undefined;
  return typeof property === 'string' ? `${error.instancePath}/${escape(property)}` : error.instancePath;
}

/** The field a data pointer falls in: `/lines/1/qty/...` is `lines.qty`, `/customer/...` is `customer`. */
function fieldAt(model: FormModel, pointer: string): FieldNode | undefined {
  const [name, index, column] = pointer.split('/').slice(1).map(unescape);
  if (name === undefined) return undefined;
  const top = model.byPath.get(name);
  if (top?.type === 'table' && index !== undefined && column !== undefined) return model.byPath.get(`${name}.${column}`) ?? top;
  return top;
}

/** Localized field errors for ajv's errors, leaving out those under `skip` pointers (hidden fields). */
export function toFieldErrors(
  model: FormModel,
  errors: readonly ErrorObject[],
  locale: Locale,
  skip: (dataPointer: string) => boolean,
): DataFieldError[] {
  const seen = new Set<string>();
  const result: DataFieldError[] = [];
  for (const error of errors) {
    const pointer = dataPointerOf(error);
    const key = `${pointer} ${error.keyword}`;
    if (skip(pointer) || seen.has(key)) continue;
    seen.add(key);
    const node = fieldAt(model, pointer);
    const unknownProperty = error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties';
    const label = unknownProperty ? `"${unescape(pointer.split('/').pop() ?? '')}"` : undefined;
    result.push({
      pointer: requestPointer(pointer),
      code: error.keyword,
      message: fieldMessage(error.keyword, error.params as Record<string, unknown>, locale, unknownProperty ? undefined : node, label),
    });
  }
  return result;
}
