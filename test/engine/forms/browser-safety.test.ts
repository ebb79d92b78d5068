import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const modelFolder = new URL('../../../engine/forms/model/', import.meta.url);

describe('the browser-safe form model', () => {
  const files = readdirSync(modelFolder).filter((name) => name.endsWith('.ts'));

  it('has files to check', () => {
    expect(files).toContain('index.ts');
  });

  it.each(files)('%s imports neither ajv nor node modules nor code outside the engine', (name) => {
    const source = readFileSync(new URL(name, modelFolder), 'utf8');
    const specifiers = [...source.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1] ?? '');
    for (const specifier of specifiers) {
      expect(specifier, `${name} imports ${specifier}`).not.toMatch(/^(ajv|ajv-formats|node:)/);
      expect(specifier, `${name} imports ${specifier}`).not.toMatch(/(runtime|designer)\//);
      expect(specifier.startsWith('.'), `${name} imports package ${specifier}`).toBe(true);
    }
  });
});
