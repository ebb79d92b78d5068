type Schema = Readonly<Record<string, unknown>>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isSchema(value);
    default:
      return true;
  }
}

/**
 * A structural subset of JSON Schema, enough for rjsf to pick the matching oneOf/anyOf branch:
 * type, const, enum, required and the same checks on properties. It is not a validator; the
 * server validates every record in full.
 */
export function matchesSchema(schema: unknown, value: unknown, depth = 0): boolean {
  if (!isSchema(schema) || depth > 8) return true;
  const { type } = schema;
  if (typeof type === 'string' && !typeMatches(type, value)) return false;
  if (Array.isArray(type) && !type.some((entry) => typeof entry === 'string' && typeMatches(entry, value))) return false;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) return false;
  if (isSchema(value)) {
    if (Array.isArray(schema.required) && !schema.required.every((key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(value, key))) return false;
    if (isSchema(schema.properties)) {
      for (const [key, child] of Object.entries(schema.properties)) {
        if (Object.prototype.hasOwnProperty.call(value, key) && !matchesSchema(child, value[key], depth + 1)) return false;
      }
    }
  }
  return true;
}
