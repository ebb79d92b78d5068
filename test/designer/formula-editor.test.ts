import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTION_CATALOGUE, analyzeExpression, checkExpression, tokenize } from '../../engine/expressions/index.js';
import { applySuggestion, complete } from '../../designer/src/formula-editor/completion.js';
import { diagnoseFormula, markedSegments } from '../../designer/src/formula-editor/diagnose.js';
import { formulaScope, type FormulaField } from '../../designer/src/formula-editor/formula-scope.js';
import { signatureAt } from '../../designer/src/formula-editor/signature-help.js';
import { LOCALIZED_PATTERNS, localizeProblem } from '../../designer/src/formula-editor/localize-problem.js';

const INSPECTION: readonly FormulaField[] = [
  { name: 'supplier', label: '供应商', type: 'text' },
  { name: 'quantity', label: '数量', type: 'number' },
  { name: 'received', label: '到货日期', type: 'date' },
  { name: 'characteristics', label: '检验项目', type: 'table' },
  { name: 'characteristics.measured', label: '实测值', type: 'number' },
  { name: 'characteristics.lower', label: '下限', type: 'money' },
  { name: 'characteristics.pass', label: '合格', type: 'yesNo' },
];

function names(source: string, cursor = source.length, explicit = false): string[] {
  return complete(source, cursor, INSPECTION, explicit)?.items.map((item) => item.name) ?? [];
}

describe('formula completion', () => {
  it('offers fields and functions by the letters typed, fields first', () => {
    expect(names('qu')).toEqual(['quantity']);
    expect(names('su').slice(0, 2)).toEqual(['supplier', 'SUM']);
    expect(names('IF(')).toContain('quantity');
  });

  it('finds a field by its Chinese label and replaces the label with the field name', () => {
    const completion = complete('数量', 2, INSPECTION);
    expect(completion?.items[0]?.name).toBe('quantity');
    expect(applySuggestion('数量', completion!, completion!.items[0]!)).toEqual({ text: 'quantity', cursor: 8 });
  });

  it('offers a sub-table\'s columns after its name and a dot, and columns as lines.qty elsewhere', () => {
    expect(names('characteristics.')).toEqual(['measured', 'lower', 'pass']);
    expect(names('SUM(characteristics.me')).toEqual(['measured']);
    expect(names('meas')).toEqual(['characteristics.measured']);
  });

  it('stays closed inside text, in numbers and after a finished operand', () => {
    expect(complete('"qu', 3, INSPECTION)).toBeNull();
    expect(complete('12', 2, INSPECTION)).toBeNull();
    expect(complete('quantity ', 9, INSPECTION)).toBeNull();
    expect(complete('quantity ', 9, INSPECTION, true)).not.toBeNull();
  });

  it('puts the cursor between the parentheses of an inserted function', () => {
    const completion = complete('ROU', 3, INSPECTION)!;
    const round = completion.items.find((item) => item.name === 'ROUND')!;
    expect(applySuggestion('ROU', completion, round)).toEqual({ text: 'ROUND()', cursor: 6 });
    const before = complete('ROU(1)', 3, INSPECTION)!;
    expect(applySuggestion('ROU(1)', before, round).text).toBe('ROUND(1)');
  });

  const fieldName = fc.constantFrom(...INSPECTION.filter((field) => !field.name.includes('.') && field.type !== 'table').map((field) => field.name));
  const operator = fc.constantFrom('+', '-', '*', '/', '&', '=', '<>', '<', '>=', ',');

  it('every suggestion it offers, inserted, gives a formula the engine parses', () => {
    fc.assert(
      fc.property(fieldName, operator, fc.string({ maxLength: 4 }).map((text) => text.replace(/[^a-zA-Z]/g, '')), (left, op, typed) => {
        const head = op === ',' ? `IF(${left}` : left;
        const source = `${head} ${op} ${typed}`;
        const completion = complete(source, source.length, INSPECTION);
        for (const item of completion?.items ?? []) {
          const { text } = applySuggestion(source, completion!, item);
          const closed = op === ',' ? `${text})` : text;
          const syntax = checkExpression(closed, formulaScope(INSPECTION)).filter((problem) => problem.code === 'ORDO_ERR_EXPRESSION_SYNTAX');
          expect(syntax, closed).toEqual([]);
          expect(item.name.toLowerCase().includes(typed.toLowerCase()) || (item.detail ?? '').toLowerCase().includes(typed.toLowerCase()), `${item.name} for ${typed}`).toBe(true);
        }
      }),
    );
  });
});

describe('function help', () => {
  it('names the function and the argument the cursor is in, inside nested calls', () => {
    expect(signatureAt('IF(quantity > 1, ', 17)).toMatchObject({ doc: { name: 'IF' }, argument: 1, param: { name: 'valueIfTrue' } });
    expect(signatureAt('IF(ROUND(quantity, ', 19)).toMatchObject({ doc: { name: 'ROUND' }, argument: 1 });
    expect(signatureAt('IF(ROUND(quantity, 2), ', 23)).toMatchObject({ doc: { name: 'IF' }, argument: 1 });
    expect(signatureAt('quantity + 1', 12)).toBeNull();
    expect(signatureAt('"IF(', 4)).toBeNull();
  });

  it('has help in both languages for every function', () => {
    for (const doc of FUNCTION_CATALOGUE) {
      expect(doc.help['zh-CN'].length, doc.name).toBeGreaterThan(3);
      expect(doc.help.en.length, doc.name).toBeGreaterThan(3);
    }
  });
});

describe('formula diagnostics', () => {
  it('are the engine checker\'s, with the form\'s field types, and name the result type', () => {
    expect(diagnoseFormula('quantity * 2', INSPECTION)).toEqual({ diagnostics: [], resultType: 'number' });
    expect(diagnoseFormula('COUNTIF(characteristics.measured, ">0") > 0', INSPECTION).resultType).toBe('boolean');
    expect(diagnoseFormula('characteristics.measured', INSPECTION).resultType).toBe('list');
    const unknown = diagnoseFormula('quantty * 2', INSPECTION);
    expect(unknown.resultType).toBeNull();
    expect(unknown.diagnostics[0]).toMatchObject({ message: 'Unknown field quantty', offset: 0, length: 7 });
    expect(diagnoseFormula('supplier + 1', INSPECTION).diagnostics[0]?.code).toBe('ORDO_ERR_EXPRESSION_TYPE');
    expect(diagnoseFormula('quantity', INSPECTION, 'boolean').diagnostics[0]?.message).toMatch(/TRUE\/FALSE is expected/);
    expect(diagnoseFormula('supplier', INSPECTION, 'string').diagnostics).toEqual([]);
    expect(diagnoseFormula('   ', INSPECTION)).toEqual({ diagnostics: [], resultType: null });
  });

  it('agree with checkExpression for any text, and give a type exactly when there is no problem', () => {
    const scope = formulaScope(INSPECTION);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 +*<>=()."',A-Z]{1,24}$/), (source) => {
        const report = diagnoseFormula(source, INSPECTION);
        if (source.trim() === '') return;
        expect(report.diagnostics).toEqual(checkExpression(source, scope));
        expect(report.resultType === null).toBe(report.diagnostics.length > 0 || analyzeExpression(source, scope).resultType === null);
      }),
    );
  });

  it('mark exactly the characters the problems cover, and a problem at the end on a trailing space', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (source) => {
        const { diagnostics } = tokenize(source);
        const segments = markedSegments(source, diagnostics);
        expect(segments.map((segment) => segment.text).join('')).toBe(`${source} `);
        let at = 0;
        for (const segment of segments) {
          for (let i = 0; i < segment.text.length; i++, at++) {
            const covered = diagnostics.some((problem) => at >= problem.offset && at < problem.offset + Math.max(1, problem.length));
            expect(segment.marked).toBe(covered);
          }
        }
      }),
    );
    expect(markedSegments('1 +', diagnoseFormula('1 +', INSPECTION).diagnostics).at(-1)).toEqual({ text: ' ', marked: true });
  });
});

describe('problems in Chinese', () => {
  const FIELDS: readonly FormulaField[] = [
    { name: 'qty', label: '数量', type: 'number' },
    { name: 'name', label: '名称', type: 'text' },
    { name: 'ok', label: '通过', type: 'boolean' },
    { name: 'lines', label: '明细', type: 'table' },
    { name: 'lines.qty', label: '明细数量', type: 'number' },
  ];
  // One formula for each wording the editor translates, in the order of its rules.
  const CASES: readonly [string, string][] = [
    ['qty +', '公式不完整：还缺少一个值'],
    ['qty + )', '这里缺少一个值，却遇到了 )'],
    ['qtty', '未知字段 qtty'],
    ['FOO(1)', '未知函数 FOO'],
    ['nope.x > 1', '未知子表 nope'],
    ['"abc', '文本缺少结束的引号'],
    ['lines > 1', 'lines 是子表，请写出它的一列，例如 lines.column'],
    ['lines.x > 1', '子表 lines 没有列 x'],
    ['qty.x > 1', 'qty 不是子表，不能读取 qty.x'],
    ['(ok', '第 1 行第 1 列的“(”缺少对应的“)”'],
    ['qty，1', '不能使用全角字符 ，，请改为 ,'],
    ['lines.qty', '公式结果是子表的一整列，这里需要单个值；请用 SUM、COUNT 等汇总函数'],
    ['qty', '公式结果是字段 qty（数字），这里需要是/否'],
    ['qty > name', '无法比较字段 qty（数字）和字段 name（文本）'],
    ['IF(ok, 1, "a")', 'IF 各分支的结果类型不一致；请统一为数字、文本、日期或是/否'],
    ['IF(qty, TRUE, FALSE)', 'IF 的第 1 个参数 condition 需要是/否，却得到字段 qty（数字）'],
    ['name * 2 > 1', '运算符 * 需要数字，却得到字段 name（文本）；文本和数字不能混算，可用 VALUE() 转换'],
    ['IF(ok)', 'IF 需要 2 到 3 个参数，实际给了 1 个'],
  ];

  it('translates every wording it knows, each reached by a real formula', () => {
    expect(CASES.length).toBe(LOCALIZED_PATTERNS);
    for (const [source, chinese] of CASES) {
      const first = diagnoseFormula(source, FIELDS, 'boolean').diagnostics[0];
      expect(first, source).toBeDefined();
      expect(localizeProblem(first!.message, 'zh-CN'), source).toBe(chinese);
      expect(localizeProblem(first!.message, 'en')).toBe(first!.message);
    }
  });

  it('leaves English as it is, and a wording it does not know in English', () => {
    fc.assert(fc.property(fc.string(), (message) => {
      expect(localizeProblem(message, 'en')).toBe(message);
    }));
    expect(localizeProblem('Something new happened', 'zh-CN')).toBe('Something new happened');
  });
});
