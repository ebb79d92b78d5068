import { isPlainObject, pointerOf } from './json-data.js';
import type { DefinitionProblems } from './definition-problems.js';
import { checkRegexSafety } from './regex-safety.js';
import { forEachSubschema } from './schema-visitor.js';

/** Deeper data schemas are refused: they are slow to validate and no form needs them. */
export const MAX_SCHEMA_DEPTH = 10;

/**
 * Checks of the data schema that protect the server rather than describe fields: no `$data`
 * references (they let data choose its own limits), bounded depth, and `pattern`s that cannot
 * backtrack catastrophically.
 */
export function checkDataSchema(schema: unknown, problems: DefinitionProblems): void {
  findDataReferences(schema, '/schema', problems);
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

/** `$data` anywhere, also where ajv would not look, so no later schema change can turn it on. */
function findDataReferences(value: unknown, pointer: string, problems: DefinitionProblems, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => findDataReferences(item, pointer + pointerOf(i), problems, depth + 1));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childPointer = pointer + pointerOf(key);
    if (key === '$data') problems.add(childPointer, '$data', '$data references are not allowed in a data schema');
    else findDataReferences(child, childPointer, problems, depth + 1);
  }
}
