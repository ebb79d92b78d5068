import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderSchemaTypes, SCHEMA_TYPES_TARGETS, VALIDATOR_TARGETS } from '../../../runtime/codegen/index.js';

it.each(SCHEMA_TYPES_TARGETS.map((target) => [target.file, target] as const))(
  'the committed %s matches what its schemas generate (run `ordo gen-types` when this fails)',
  async (_file, target) => {
    expect(readFileSync(target.file, 'utf8')).toBe(await renderSchemaTypes(target));
  },
);

it.each(VALIDATOR_TARGETS.map((target) => [target.file, target] as const))(
  'the committed %s matches the standalone code of its meta-schema (run `ordo gen-types` when this fails)',
  async (_file, target) => {
    expect(readFileSync(target.file, 'utf8')).toBe(await target.render());
  },
);
