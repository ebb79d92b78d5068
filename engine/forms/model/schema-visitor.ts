import { isPlainObject, pointerOf, type JsonObject } from './json-data.js';

/** JSON Schema 2020-12 keywords whose value is one subschema. */
const SINGLE = [
  'additionalProperties',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
] as const;
/** Keywords whose value is a list of subschemas. */
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value maps names to subschemas. */
const MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const;

export interface SchemaVisit {
  readonly schema: JsonObject;
  /** JSON pointer of this subschema, starting from the pointer given for the root. */
  readonly pointer: string;
  /** 1 for the root. */
  readonly depth: number;
}

interface Child {
  readonly schema: JsonObject;
  readonly segments: readonly (string | number)[];
}

function childrenOf(schema: JsonObject): Child[] {
  const children: Child[] = [];
  for (const keyword of SINGLE) {
    const child = schema[keyword];
    if (isPlainObject(child)) children.push({ schema: child, segments: [keyword] });
  }
  for (const keyword of LISTS) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    list.forEach((child: unknown, i) => {
      if (isPlainObject(child)) children.push({ schema: child, segments: [keyword, i] });
    });
  }
  for (const keyword of MAPS) {
    const map = schema[keyword];
    if (!isPlainObject(map)) continue;
    for (const [name, child] of Object.entries(map)) {
      if (isPlainObject(child)) children.push({ schema: child, segments: [keyword, name] });
    }
  }
  return children;
}

/**
 * Calls `visit` for the schema and every subschema below it, parents first, down to `maxDepth`
 * (deeper subschemas are not visited, so a hostile definition cannot exhaust the stack).
 */
export function forEachSubschema(
  root: unknown,
  rootPointer: string,
  maxDepth: number,
  visit: (node: SchemaVisit) => void,
): void {
  const walk = (schema: JsonObject, pointer: string, depth: number): void => {
    visit({ schema, pointer, depth });
    if (depth >= maxDepth) return;
    for (const child of childrenOf(schema)) walk(child.schema, pointer + pointerOf(...child.segments), depth + 1);
  };
  if (isPlainObject(root)) walk(root, rootPointer, 1);
}

/**
 * Copies a schema, rewriting every object subschema bottom-up: `rewrite` receives a shallow copy
 * whose subschemas are already rewritten, and the keyword it was reached through (undefined for the
 * root), and returns the replacement.
 */
export function rewriteSchema(
  root: JsonObject,
  rewrite: (schema: JsonObject, via: string | undefined) => JsonObject,
  via?: string,
): JsonObject {
  const copy: JsonObject = { ...root };
  for (const keyword of SINGLE) {
    const child = copy[keyword];
    if (isPlainObject(child)) copy[keyword] = rewriteSchema(child, rewrite, keyword);
  }
  for (const keyword of LISTS) {
    const list = copy[keyword];
    if (Array.isArray(list)) {
      copy[keyword] = list.map((child: unknown) => (isPlainObject(child) ? rewriteSchema(child, rewrite, keyword) : child));
    }
  }
  for (const keyword of MAPS) {
    const map = copy[keyword];
    if (!isPlainObject(map)) continue;
    // fromEntries defines own properties, so even a property named __proto__ stays data.
    copy[keyword] = Object.fromEntries(
      Object.entries(map).map(([name, child]) => [name, isPlainObject(child) ? rewriteSchema(child, rewrite, keyword) : child]),
    );
  }
  return rewrite(copy, via);
}
