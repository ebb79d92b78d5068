import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrdoError } from '../../../engine/errors/index.js';
import { checkExpression, compileExpression, type Value } from '../../../engine/expressions/index.js';

/**
 * The escape corpus of runtime-anchors.md section 3.1 (n8n, Handlebars, expr-eval advisories):
 * each payload must be refused as a syntax error or evaluate to plain data, never reaching a
 * function, a prototype or a host object, and nothing may change between evaluations.
 */
const CORPUS = [
  "constructor.constructor('return process')()",
  'this.constructor',
  'this',
  '[].at.constructor',
  '({}).__proto__',
  '__proto__',
  '__lookupGetter__',
  "__defineGetter__('x', 1)",
  'x.__lookupSetter__',
  'globalThis',
  'globalThis.process',
  'Function',
  "Function('return process')()",
  'import("fs")',
  "require('child_process')",
  'process',
  'process.env',
  'process.mainModule',
  'x => x',
  '(x) => process',
  '() => 1',
  '{...process}',
  '[...lines]',
  'a["constructor"]',
  'a[0]',
  '`${process}`',
  '`abc`',
  'class extends Object {}',
  'class X extends process.constructor {}',
  'a.b.c.constructor',
  'lines.constructor',
  'lines.prototype',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'TOSTRING()',
  'CONSTRUCTOR(1)',
  'HASOWNPROPERTY("x")',
  'EVAL("1")',
  'eval("1")',
  'SUM(1).constructor',
  '"".constructor',
  '1..constructor',
  '\\u0063onstructor',
  'new Function("x")',
  'a = 1; b = 2',
  'a := 1',
  'x++',
  'delete x',
  'typeof x',
  'void 0',
  'x ? y : z',
  'x || y',
  'x && y',
  '!x',
  'x?.y',
  'x ?? y',
  'IF(TRUE, process, constructor)',
  'CONCAT(lines.__proto__)',
  'COUNTIF(lines.qty, constructor)',
  'fn',
  'fn(1)',
  'instance',
  'getter',
  'inherited',
  'row',
  'lines.fn',
  'lines.getter',
  'CONSTRUCTOR',
];

/**
 * Contexts are JSON data in Ordo. Accessors cannot come from JSON, only from host code; the one
 * here returns a host object, which must still come out as blank.
 */
function hostile(): { fields: Record<string, unknown> } {
  const getter = (): unknown => globalThis;
  const fields: Record<string, unknown> = {};
  Object.assign(fields, {
    fn: () => globalThis,
    instance: new Date(),
    map: new Map([['x', 1]]),
    x: { y: 1 },
    lines: [
      { qty: 1, fn: () => 1, __proto__: { getter: 'inherited' } },
      Object.defineProperty({ qty: 2 }, 'getter', { get: getter, enumerable: true }),
      new (class Line { qty = 3; })(),
    ],
  });
  Object.defineProperty(fields, 'getter', { get: getter, enumerable: true });
  return { fields };
}

function isPlainValue(value: Value): boolean {
  if (Array.isArray(value)) return value.every(isPlainValue);
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

interface Snapshot {
  readonly names: Record<string, string[]>;
  readonly descriptors: Record<string, unknown[]>;
  readonly globals: string[];
}

const BUILT_INS: Record<string, object> = {
  'Object.prototype': Object.prototype,
  'Function.prototype': Function.prototype,
  'Array.prototype': Array.prototype,
  'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  'Boolean.prototype': Boolean.prototype,
  'Date.prototype': Date.prototype,
  'Map.prototype': Map.prototype,
  Object,
  Function,
  Array,
};

function snapshot(): Snapshot {
  const names: Record<string, string[]> = {};
  const descriptors: Record<string, unknown[]> = {};
  for (const [label, target] of Object.entries(BUILT_INS)) {
    const keys = Reflect.ownKeys(target).map(String).sort();
    names[label] = keys;
    descriptors[label] = Reflect.ownKeys(target).map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      return [String(key), descriptor?.value, descriptor?.get, descriptor?.set, descriptor?.writable];
    });
  }
  return { names, descriptors, globals: Reflect.ownKeys(globalThis).map(String).sort() };
}

describe('sandbox: the escape corpus', () => {
  it.each(CORPUS)('%s is refused or gives plain data', (payload) => {
    const { fields } = hostile();
    let outcome: 'refused' | Value;
    try {
      outcome = compileExpression(payload).evaluate({ fields, row: { qty: 5 } });
    } catch (error) {
      expect(isOrdoError(error)).toBe(true);
      if (!isOrdoError(error)) throw error;
      expect(['ORDO_ERR_EXPRESSION_SYNTAX', 'ORDO_ERR_EXPRESSION_TYPE', 'ORDO_ERR_EXPRESSION_RUNTIME']).toContain(error.code);
      outcome = 'refused';
    }
    if (outcome !== 'refused') {
      expect(isPlainValue(outcome)).toBe(true);
      expect(outcome).not.toBe('from prototype');
      expect(outcome).not.toBe('inherited');
    }
    expect(checkExpression(payload, {}).length).toBeGreaterThan(0);
  });

  it('reads functions, class instances, host objects behind accessors and inherited properties as blank', () => {
    const { fields } = hostile();
    const run = (source: string): Value => compileExpression(source).evaluate({ fields });
    expect(run('fn')).toBeNull();
    expect(run('instance')).toBeNull();
    expect(run('map')).toBeNull();
    expect(run('x')).toBeNull();
    expect(run('getter')).toBeNull();
    expect(run('inherited')).toBeNull();
    // The first line has its own prototype and the third is a class instance: neither is plain data.
    expect(run('lines.qty')).toEqual([null, 2, null]);
    expect(run('lines.fn')).toEqual([null, null, null]);
    expect(run('lines.getter')).toEqual([null, null, null]);
  });

  it('treats a context that is not plain data as empty', () => {
    const compiled = compileExpression('qty + 1');
    const inheriting = Object.assign(Object.create({ inherited: 5 }), { qty: 5 });
    expect(compileExpression('inherited').evaluate({ fields: inheriting })).toBeNull();
    expect(compiled.evaluate({ fields: inheriting })).toBe(1);
    expect(compiled.evaluate({ fields: new (class { qty = 5; })() as unknown as Record<string, unknown> })).toBe(1);
    expect(compiled.evaluate({ fields: [5] as unknown as Record<string, unknown> })).toBe(1);
    expect(compiled.evaluate({ fields: {}, row: 'qty' as unknown as Record<string, unknown> })).toBe(1);
    expect(compiled.evaluate({ fields: Object.assign(Object.create(null), { qty: 2 }) })).toBe(3);
  });

  it('leaves Object.prototype, built-ins and globals unchanged across evaluations', () => {
    const before = snapshot();
    for (let round = 0; round < 3; round++) {
      for (const payload of CORPUS) {
        try {
          compileExpression(payload).evaluate({ fields: hostile().fields });
        } catch {
          // Refusal is the expected outcome for most payloads; only the built-ins matter here.
        }
      }
    }
    expect(snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('has no eval, Function constructor, vm, with or Proxy in the expression engine', () => {
    const root = join(import.meta.dirname, '../../../engine/expressions');
    const files = (function list(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? list(path) : [path];
      });
    })(root);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(|from\s+['"](node:)?vm['"]|\bwith\s*\(|\bProxy\b/);
    }
  });
});
