import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const metaSchemaDir = fileURLToPath(new URL('../../engine/definitions/meta-schemas/', import.meta.url));
export const generatedTypesFile = fileURLToPath(
  new URL('../../engine/definitions/generated/definition-types.ts', import.meta.url),
);

const KINDS = ['form', 'app', 'workflow'] as const;

const BANNER = `/* This file is generated from engine/definitions/meta-schemas by \`ordo gen-types\`. Do not edit it:
 * change the meta-schema and regenerate. A test fails when it is stale. */`;

/** Renders the TypeScript types of every definition kind from its meta-schema. */
export async function renderDefinitionTypes(): Promise<string> {
  const parts: string[] = [BANNER];
  const seen = new Set<string>();
  for (const kind of KINDS) {
    const file = path.join(metaSchemaDir, `${kind}.schema.json`);
    const schema = JSON.parse(await readFile(file, 'utf8')) as JSONSchema;
    const ts = await compile(schema, schema.title ?? kind, {
      bannerComment: '',
      cwd: metaSchemaDir,
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

/** Types shared through common.schema.json appear once per kind; keep the first declaration. */
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
