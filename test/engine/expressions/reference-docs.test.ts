import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPRESSION_LIMITS, FUNCTION_CATALOGUE } from '../../../engine/expressions/index.js';

const reference = readFileSync(join(import.meta.dirname, '../../../docs/expressions.md'), 'utf8');

describe('docs/expressions.md', () => {
  it.each(FUNCTION_CATALOGUE.map((doc) => [doc.name, doc] as const))('documents %s with both help texts and its example', (_name, doc) => {
    const row = reference.split('\n').find((line) => line.startsWith(`| \`${doc.signature}\``));
    expect(row, doc.signature).toBeDefined();
    expect(row).toContain(doc.help['zh-CN'].replace(/\|/g, '\\|'));
    expect(row).toContain(doc.help.en.replace(/\|/g, '\\|'));
    expect(row).toContain(`\`${doc.example.source.replace(/\|/g, '\\|')}\``);
    expect(row).toContain(`\`${JSON.stringify(doc.example.result)}\``);
  });

  it('states the limits the engine enforces', () => {
    expect(reference).toContain(`${EXPRESSION_LIMITS.maxSourceLength.toLocaleString('en')} characters`);
    expect(reference).toMatch(new RegExp(`\\| ${EXPRESSION_LIMITS.maxDepth} \\|`));
    expect(reference).toContain(`${EXPRESSION_LIMITS.defaultMaxSteps.toLocaleString('en')} steps`);
    expect(reference).toContain(`${EXPRESSION_LIMITS.maxListLength.toLocaleString('en')} items`);
    expect(reference).toContain(`one per ${EXPRESSION_LIMITS.textCharsPerStep} characters`);
  });
});
