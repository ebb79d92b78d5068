import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../engine/definitions/index.js';
import { compileLiveForm } from '../../../engine/forms/model/index.js';

const text = (en: string) => ({ 'zh-CN': en, en });

/** A credit check computed from a limit only sales and finance may read, and a margin computed from it in turn. */
const order: FormDefinition = {
  kind: 'form',
  id: 'order',
  version: 1,
  title: text('Order'),
  schema: {
    type: 'object',
    properties: {
      total: { type: 'number' },
      creditLimit: { type: 'number' },
      creditCheck: { type: 'string' },
      creditNote: { type: 'string' },
      doubled: { type: 'number' },
    },
  },
  computed: { creditCheck: 'IF(total > creditLimit, "over-limit", "ok")', creditNote: 'creditCheck & "!"', doubled: 'total * 2' },
  permissions: { creditLimit: { read: ['sales', 'finance'] } },
} as FormDefinition;

describe('computed fields over fields the user may not read', () => {
  const live = compileLiveForm(order);
  const stored = { total: 100, creditLimit: 500, creditCheck: 'ok', creditNote: 'ok!', doubled: 200 };

  it('keep the value the server computed, through other computed fields too, while the rest is recomputed', () => {
    const context = { roles: ['engineer'], locale: 'en' as const };
    const seen = live.project(stored, context);
    expect(seen).not.toHaveProperty('creditLimit');
    const { data } = live.evaluate({ ...seen, total: 150 }, context);
    expect(data).toMatchObject({ creditCheck: 'ok', creditNote: 'ok!', doubled: 300 });
  });

  it('are recomputed for a user who may read every input', () => {
    const { data } = live.evaluate({ ...stored, total: 900 }, { roles: ['finance'], locale: 'en' });
    expect(data).toMatchObject({ creditCheck: 'over-limit', creditNote: 'over-limit!', doubled: 1800 });
  });
});
