import { isPlainObject, pointerOf } from './json-data.js';
import type { DefinitionProblems } from './definition-problems.js';
import { checkRegexSafety } from './regex-safety.js';
import { forEachSubschema } from './schema-visitor.js';

/** Deeper data schemas are refused: they are slow to validate and no form needs them. */
export const MAX_SCHEMA_DEPTH = 10;

/**
 * Keywords refused anywhere in a data schema: `$data` lets the data choose its own limits; schema
 * identifiers would let one form's schema shadow another's in the shared validator.
 */
const REFUSED_KEYWORDS: Readonly<Record<string, string>> = {
  $data: '$data references are not allowed in a data schema',
  $id: 'a data schema cannot declare $id',
  $anchor: 'a data schema cannot declare anchors',
  $dynamicAnchor: 'a data schema cannot declare anchors',
};

/**
 * Checks of the data schema that protect the server rather than describe fields: refused keywords,
 * bounded depth, and `pattern`s that cannot backtrack catastrophically.
 */
export function checkDataSchema(schema: unknown, problems: DefinitionProblems): void {
  findRefusedKeywords(schema, '/schema', problems);
  let tooDeep = false;
  forEachSubschema(schema, '/schema', MAX_SCHEMA_DEPTH + 1, ({ schema: node, pointer, depth }) => {
    if (depth > MAX_SCHEMA_DEPTH) {
      if (!tooDeep) problems.add(pointer, 'depth', `the data schema is nested deeper than ${MAX_SCHEMA_DEPTH} levels`);
      tooDeep = true;
      return;
    }
    const pattern = node['pattern'];
    if (typeof pattern === 'string') checkPattern(pattern, `${pointer}/pattern`, problems);
    const patternProperties = node['patternProperties'];
    if (isPlainObject(patternProperties)) {
      for (const key of Object.keys(patternProperties)) {
        checkPattern(key, pointer + pointerOf('patternProperties', key), problems);
      }
    }
  });
}

function checkPattern(pattern: string, pointer: string, problems: DefinitionProblems): void {
  const verdict = checkRegexSafety(pattern);
  if (!verdict.safe) {
    problems.add(pointer, 'pattern', `the pattern ${JSON.stringify(pattern)} is refused: ${verdict.reason}`);
  }
}

/** Looks everywhere, also where ajv would not, so no later change to ajv's options can turn them on. */
function findRefusedKeywords(value: unknown, pointer: string, problems: DefinitionProblems, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => findRefusedKeywords(item, pointer + pointerOf(i), problems, depth + 1));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childPointer = pointer + pointerOf(key);
    const refusal = Object.prototype.hasOwnProperty.call(REFUSED_KEYWORDS, key) ? REFUSED_KEYWORDS[key] : undefined;
    if (refusal === undefined) findRefusedKeywords(child, childPointer, problems, depth + 1);
    else problems.add(childPointer, key, refusal);
  }
}
