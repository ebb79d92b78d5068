import commonSchema from '../schemas/planning-common.schema.json' with { type: 'json' };
import promiseSchema from '../schemas/ctp-promise.schema.json' with { type: 'json' };
import requestSchema from '../schemas/ctp-request.schema.json' with { type: 'json' };

const COMMON_REF = 'planning-common.schema.json#/$defs/';

/**
 * The schema with the shared planning shapes copied in as local $defs, so the designer, the API
 * documentation and ajv can each use it alone without resolving a second file.
 */
function selfContained(schema: Record<string, unknown>): Record<string, unknown> {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' && inner.startsWith(COMMON_REF) ? `#/$defs/${inner.slice(COMMON_REF.length)}` : rewrite(inner)]),
    );
  };
  const { $id: _id, ...rest } = rewrite(schema) as Record<string, unknown>;
  return { ...rest, $defs: { ...(rest['$defs'] as Record<string, unknown> | undefined), ...commonSchema.$defs } };
}

export const CTP_REQUEST_SCHEMA = Object.freeze(selfContained(requestSchema));
export const CTP_PROMISE_SCHEMA = Object.freeze(selfContained(promiseSchema));
