import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { META_SCHEMAS } from '../../engine/definitions/meta-schemas/index.js';

/** A meta-schema's ajv validator as standalone code, for the browser, where the CSP forbids ajv's `new Function`. */
export interface ValidatorTarget {
  readonly file: string;
  render(): Promise<string>;
}

const engineFile = (relative: string) => fileURLToPath(new URL(`../../engine/${relative}`, import.meta.url));

/**
 * The workflow meta-schema compiled with the same options as engine/definitions/meta-schema-validator.ts,
 * so the designer reports exactly what `ordo validate` does. ajv's standalone code requires its two
 * runtime helpers; they become imports so the module is plain ESM.
 */
async function renderWorkflowValidator(): Promise<string> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true, esm: true } });
  ajv.addSchema(META_SCHEMAS.common);
  const validate = ajv.compile(META_SCHEMAS.workflow);
  const render = standaloneCode.default;
  const imports: string[] = [];
  const helpers: string[] = [];
  const code = render(ajv, validate).replace(/require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)\.default/g, (_match, helper: string) => {
    const name = `${helper}Helper`;
    // The helpers are CommonJS with `exports.default`: Node hands the exports object to a default
    // import, the browser bundle the function itself, so the module takes whichever it gets.
    if (!helpers.some((line) => line.includes(`${name} `))) {
      imports.push(`import ${helper}Module from 'ajv/dist/runtime/${helper}.js';`);
      helpers.push(`const ${name} = typeof ${helper}Module === 'function' ? ${helper}Module : ${helper}Module.default;`);
    }
    return name;
  });
  if (/require\(/.test(code)) throw new Error('the standalone workflow validator requires a module this generator does not turn into an import');
  const banner = `/* This file is generated from engine/definitions/meta-schemas/workflow.schema.json by \`ordo gen-types\`
 * (ajv standalone code). Do not edit it: change the schema and regenerate. A test fails when it is stale. */
// @ts-nocheck`;
  return `${banner}\n${[...imports, ...helpers].join('\n')}\n${code.replace(/^"use strict";/, '')}\n`;
}

export const VALIDATOR_TARGETS: readonly ValidatorTarget[] = Object.freeze([
  { file: engineFile('definitions/generated/workflow-meta-validator.ts'), render: renderWorkflowValidator },
]);
