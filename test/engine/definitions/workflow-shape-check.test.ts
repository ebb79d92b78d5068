import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkflowShape, validateAgainstMetaSchema } from '../../../engine/definitions/index.js';
import { loadDefinitions } from '../../../runtime/cli/load-definitions.js';
import { shippedDefinitionsDir } from '../../../runtime/cli/paths.js';

const loaded = await loadDefinitions(shippedDefinitionsDir);
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const shipped = loaded.definitions.workflows;

/** Replaces the value at a random place of a JSON value with a random JSON value. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[(path[0] as number) % keys.length] as string;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutate((value as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

describe('the browser\'s workflow meta-schema check', () => {
  it('accepts every shipped workflow', () => {
    for (const workflow of shipped) expect(checkWorkflowShape(workflow)).toEqual([]);
  });

  it('reports exactly what `ordo validate` reports, for any change anywhere', () => {
    fc.assert(
      fc.property(fc.nat(shipped.length - 1), fc.array(fc.nat(50), { maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), (which, path, replacement) => {
        const changed = mutate(shipped[which], path, replacement);
        expect(checkWorkflowShape(changed)).toEqual(validateAgainstMetaSchema('workflow', changed));
      }),
      { numRuns: 300 },
    );
  });

  it('points at the problem', () => {
    expect(checkWorkflowShape({ ...shipped[0], states: { a: { bogus: 1 } } })).toContainEqual({ pointer: '/states/a/bogus', message: 'unknown property "bogus"' });
  });
});
