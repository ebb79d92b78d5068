import type { FormDefinition } from '../../engine/definitions/generated/definition-types.js';
import { DEFAULT_PAGE_SIZE, MAX_FILTERS, MAX_IDEMPOTENCY_KEY_LENGTH, MAX_PAGE_SIZE } from './record-schemas.js';

/** The parts of an OpenAPI 3.1 document this module writes to. */
export interface OpenApiDocument {
  components?: { schemas?: Record<string, unknown>; [other: string]: unknown };
  paths?: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string }[];
  [other: string]: unknown;
}

/** What one route answers with 2xx: `'<method> <path>'` as fastify's swagger names them, to its status and schema. */
export type DocumentedResponses = Record<string, { status: string; schema: unknown }>;

/**
 * Adds answer schemas as components and puts them, with problem+json for 4XX, on the collected
 * routes: what each route group's OpenAPI module does with its own table of answers.
 */
export function withDocumentedResponses(document: OpenApiDocument, responses: DocumentedResponses, schemas: Record<string, unknown>): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = { ...document.paths };
  const problem = { description: 'problem+json', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  for (const [route, { status, schema }] of Object.entries(responses)) {
    const [method, path] = route.split(' ') as [string, string];
    const operation = paths[path]?.[method];
    if (operation === undefined) continue;
    paths[path] = {
      ...paths[path],
      [method]: {
        ...(operation as Record<string, unknown>),
        responses: { [status]: { description: 'OK', content: { 'application/json': { schema } } }, '4XX': problem },
      },
    };
  }
  return { ...document, paths, components: { ...document.components, schemas: { ...document.components?.schemas, ...schemas } } };
}

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Ordo API',
    version: '0.1.0',
    description:
      'Forms, records, workflows and the task inbox of the published Ordo application. Errors are RFC 9457 problem+json. ' +
      'Sign in with POST /api/auth/login and send the token as Authorization: Bearer.',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'code', 'instance', 'errors'],
        properties: {
          type: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          code: { type: 'string' },
          instance: { type: 'string' },
          errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
        },
      },
      FieldError: {
        type: 'object',
        required: ['pointer', 'code', 'message'],
        properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  security: [{ bearer: [] }],
};

/** Component names for a form's schemas; form ids are kebab-case, which OpenAPI allows as is. */
export function formSchemaNames(formId: string): { data: string; record: string; page: string } {
  return { data: `${formId}.data`, record: `${formId}.record`, page: `${formId}.page` };
}

/**
 * Adds, for each published form, its data schema and record schemas as components and its record
 * routes with those schemas, so a client sees `customer` and `lines[].qty` instead of `object`.
 */
export function withFormDocumentation(document: OpenApiDocument, forms: readonly FormDefinition[]): OpenApiDocument {
  const schemas: Record<string, unknown> = { ...document.components?.schemas };
  const paths: Record<string, Record<string, unknown>> = { ...document.paths };
  const tags = [...(document.tags ?? [])];
  for (const form of forms) {
    const names = formSchemaNames(form.id);
    const tag = `form: ${form.id}`;
    tags.push({ name: tag, description: `${form.title.en} / ${form.title['zh-CN']}` });
    schemas[names.data] = dataSchema(form);
    schemas[names.record] = recordSchema(ref(names.data));
    schemas[names.page] = pageSchema(ref(names.record));
    const base = `/api/forms/${form.id}`;
    paths[`${base}/records`] = {
      get: operation(tag, `List ${form.title.en}`, ref(names.page), { parameters: listParameters() }),
      post: operation(tag, `Create a ${form.title.en} record`, ref(names.record), {
        status: '201',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
          },
        ],
        body: { type: 'object', required: ['data'], additionalProperties: false, properties: { data: ref(names.data) } },
      }),
    };
    paths[`${base}/records/{id}`] = {
      get: operation(tag, `Read a ${form.title.en} record`, ref(names.record), { parameters: [idParameter()] }),
      patch: operation(tag, `Change fields of a ${form.title.en} record`, ref(names.record), {
        parameters: [idParameter()],
        body: {
          type: 'object',
          required: ['revision', 'data'],
          additionalProperties: false,
          properties: { revision: { type: 'integer', minimum: 1 }, data: { type: 'object' } },
        },
      }),
      delete: operation(tag, `Delete a ${form.title.en} record`, undefined, {
        status: '204',
        parameters: [idParameter(), { name: 'revision', in: 'query', required: true, schema: { type: 'integer', minimum: 1 } }],
      }),
    };
    paths[`${base}/records/{id}/history`] = {
      get: operation(tag, `History of a ${form.title.en} record`, historySchema(), { parameters: [idParameter()] }),
    };
    paths[`${base}/validate`] = {
      post: operation(tag, `Check ${form.title.en} data without saving`, validationSchema(ref(names.data)), {
        body: {
          type: 'object',
          required: ['data'],
          additionalProperties: false,
          properties: { data: ref(names.data), id: { type: 'string' } },
        },
      }),
    };
  }
  return { ...document, tags, paths, components: { ...document.components, schemas } };
}

function dataSchema(form: FormDefinition): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    type: 'object',
    title: form.title.en,
    properties: form.schema.properties,
  };
  if (form.schema.required !== undefined) schema['required'] = form.schema.required;
  if (form.description !== undefined) schema['description'] = form.description.en;
  return schema;
}

function recordSchema(data: unknown): Record<string, unknown> {
  return {
    type: 'object',
    required: ['id', 'form', 'formVersion', 'revision', 'data', 'createdAt', 'createdBy', 'createdByName', 'updatedAt', 'updatedBy', 'updatedByName'],
    properties: {
      id: { type: 'string' },
      form: { type: 'string' },
      formVersion: { type: 'integer' },
      revision: { type: 'integer' },
      data,
      createdAt: { type: 'string', format: 'date-time' },
      createdBy: { type: 'string', description: 'user name' },
      createdByName: { type: 'string', description: 'display name' },
      updatedAt: { type: 'string', format: 'date-time' },
      updatedBy: { type: 'string', description: 'user name' },
      updatedByName: { type: 'string', description: 'display name' },
    },
  };
}

function pageSchema(record: unknown): Record<string, unknown> {
  return {
    type: 'object',
    required: ['items', 'total', 'limit', 'offset', 'display'],
    properties: {
      items: { type: 'array', items: record },
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      display: {
        type: 'object',
        description: 'Lookup ids of this page mapped to the title of the record they name, per form.',
        additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  };
}

function historySchema(): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            revision: { type: 'integer' },
            action: { type: 'string' },
            at: { type: 'string', format: 'date-time' },
            actor: {},
            changes: {
              type: 'array',
              items: { type: 'object', properties: { path: { type: 'string' }, before: {}, after: {} } },
            },
          },
        },
      },
    },
  };
}

function validationSchema(data: unknown): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      data,
      states: { type: 'object', description: 'Field states (visible, required, readOnly) by data pointer.' },
      errors: { type: 'array', items: ref('FieldError') },
    },
  };
}

function listParameters(): unknown[] {
  return [
    {
      name: 'filter',
      in: 'query',
      description: 'field:op:value; op is one of eq ne lt lte gt gte contains',
      schema: { type: 'array', maxItems: MAX_FILTERS, items: { type: 'string' } },
      style: 'form',
      explode: true,
    },
    { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 } },
    { name: 'sort', in: 'query', description: 'field, or -field for descending', schema: { type: 'string' } },
    { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
    { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
  ];
}

function idParameter(): unknown {
  return { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
}

function ref(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

function operation(
  tag: string,
  summary: string,
  response: unknown,
  options: { status?: string; parameters?: unknown[]; body?: unknown },
): Record<string, unknown> {
  const status = options.status ?? '200';
  const problem = { description: 'problem+json', content: { 'application/problem+json': { schema: ref('Problem') } } };
  const success: Record<string, unknown> =
    response === undefined ? { description: 'Done' } : { description: 'OK', content: { 'application/json': { schema: response } } };
  const result: Record<string, unknown> = {
    tags: [tag],
    summary,
    responses: { [status]: success, '4XX': problem },
  };
  if (options.parameters !== undefined) result['parameters'] = options.parameters;
  if (options.body !== undefined) {
    result['requestBody'] = { required: true, content: { 'application/json': { schema: options.body } } };
  }
  return result;
}
