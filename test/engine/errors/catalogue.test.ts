import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, OrdoError, type ErrorCode } from '../../../engine/errors/index.js';

const documented = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

function documentedRow(code: string): string[] | undefined {
  const line = documented.split('\n').find((row) => row.startsWith(`| \`${code}\` |`));
  return line?.split('|').map((cell) => cell.trim());
}

describe('error catalogue', () => {
  const codes = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

  it.each(codes)('%s is documented in docs/errors.md with its status and class', (code) => {
    const row = documentedRow(code);
    expect(row, `docs/errors.md has no row for ${code}`).toBeDefined();
    const spec = ERROR_CATALOGUE[code];
    expect(row?.[2]).toBe(String(spec.status));
    expect(row?.[3]).toBe(spec.class);
    expect(row?.[4]?.length ?? 0).toBeGreaterThan(10);
  });

  it('documents no code that does not exist', () => {
    const inDocs = [...documented.matchAll(/^\| `(ORDO_ERR_[A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(inDocs.sort()).toEqual([...codes].sort());
  });

  it('classifies 4xx as user errors and 5xx as operational or unexpected', () => {
    for (const code of codes) {
      const spec = ERROR_CATALOGUE[code];
      expect(spec.class === 'user', code).toBe(spec.status < 500);
    }
  });

  it('has a title in both languages for every code', () => {
    for (const code of codes) {
      const error = new OrdoError(code);
      expect(error.title('en')).not.toBe('');
      expect(error.title('zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(error.status).toBe(ERROR_CATALOGUE[code].status);
    }
  });
});
