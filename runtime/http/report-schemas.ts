/** Request schemas of the report and dashboard routes (fastify checks them; failures are 400 with pointers). */

export const reportParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 63 } },
} as const;

export const runBody = {
  type: 'object',
  additionalProperties: false,
  properties: { parameters: { type: 'object', description: "Values for the report's parameter schema; defaults apply to those left out." } },
} as const;

export const MAX_DRILL_PAGE = 500;

export const drillBody = {
  type: 'object',
  required: ['row'],
  additionalProperties: false,
  properties: {
    parameters: { type: 'object' },
    row: { type: 'object', description: 'dimension key -> the value in the row clicked; a key left out is not pinned.' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_DRILL_PAGE, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1000000, default: 0 },
  },
} as const;

export const previewBody = {
  type: 'object',
  required: ['body'],
  additionalProperties: false,
  properties: {
    body: { type: 'string', minLength: 2, description: 'The report definition as text, as the designer holds it.' },
    parameters: { type: 'object', description: "Values for the draft's parameter schema; defaults apply to those left out." },
  },
} as const;
