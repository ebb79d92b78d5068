import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

/** A TypeScript file generated from a folder of JSON Schemas, one top-level type per schema. */
export interface SchemaTypesTarget {
  readonly schemaDir: string;
  readonly schemas: readonly string[];
  readonly file: string;
}

const engineFile = (relative: string) => fileURLToPath(new URL(`../../engine/${relative}`, import.meta.url));

export const SCHEMA_TYPES_TARGETS: readonly SchemaTypesTarget[] = Object.freeze([
  {
    schemaDir: engineFile('definitions/meta-schemas/'),
    schemas: ['form', 'app', 'workflow', 'report', 'dashboard', 'print-template'],
    file: engineFile('definitions/generated/definition-types.ts'),
  },
  {
    schemaDir: engineFile('planning/schemas/'),
    schemas: [
      'mrp-scenario',
      'mrp-plan',
      'ctp-request',
      'ctp-promise',
      'schedule-request',
      'schedule-result',
      'schedule-insert-request',
      'schedule-reschedule-request',
      'schedule-repair',
      'schedule-whatif-request',
      'schedule-whatif-result',
    ],
    file: engineFile('planning/generated/planning-types.ts'),
  },
]);

/** Renders the TypeScript types of every schema of a target. */
export async function renderSchemaTypes(target: SchemaTypesTarget): Promise<string> {
  const relativeDir = path.relative(fileURLToPath(new URL('../../', import.meta.url)), target.schemaDir);
  const banner = `/* This file is generated from ${relativeDir} by \`ordo gen-types\`. Do not edit it:
 * change the schema and regenerate. A test fails when it is stale. */`;
  const parts: string[] = [banner];
  const seen = new Set<string>();
  for (const name of target.schemas) {
    const file = path.join(target.schemaDir, `${name}.schema.json`);
    const schema = JSON.parse(await readFile(file, 'utf8')) as JSONSchema;
    const ts = await compile(schema, schema.title ?? name, {
      bannerComment: '',
      cwd: target.schemaDir,
      additionalProperties: false,
      unreachableDefinitions: true,
      declareExternallyReferenced: true,
      format: true,
      style: { singleQuote: true, printWidth: 110 },
    });
    parts.push(dropRepeatedDeclarations(ts, seen));
  }
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Types shared through a common schema appear once per schema; keep the first declaration. */
function dropRepeatedDeclarations(ts: string, seen: Set<string>): string {
  const blocks: string[][] = [];
  let comment: string[] = [];
  let inComment = false;
  for (const line of ts.split('\n')) {
    if (!inComment && line.startsWith('/**')) inComment = true;
    if (inComment) {
      comment.push(line);
      if (line.includes('*/')) inComment = false;
      continue;
    }
    if (line.startsWith('export ')) {
      blocks.push([...comment, line]);
      comment = [];
    } else if (blocks.length > 0) {
      blocks[blocks.length - 1]!.push(line);
    }
  }
  return blocks
    .filter((block) => {
      const name = /^export (?:interface|type) (\w+)/m.exec(block.join('\n'))?.[1];
      if (name === undefined || !seen.has(name)) {
        if (name !== undefined) seen.add(name);
        return true;
      }
      return false;
    })
    .map((block) => block.join('\n'))
    .join('\n');
}
