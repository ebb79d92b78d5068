import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { generatedTypesFile, renderDefinitionTypes } from '../../../runtime/codegen/index.js';

it('the committed definition types match what the meta-schemas generate (run `ordo gen-types` when this fails)', async () => {
  const committed = readFileSync(generatedTypesFile, 'utf8');
  expect(committed).toBe(await renderDefinitionTypes());
});
