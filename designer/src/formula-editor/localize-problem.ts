/**
 * Chinese wording for the checker's problems. The engine reports in English (the same text
 * publishing reports); the editor is used by business users, so the common problems are put into
 * Chinese here by their wording. A test types a formula for every pattern, so a change of wording
 * in the engine fails it instead of silently falling back; unknown messages stay in English.
 */
import type { Locale } from '../../../engine/errors/index.js';

const TYPES: Readonly<Record<string, string>> = {
  number: '数字',
  text: '文本',
  'TRUE/FALSE': '是/否',
  boolean: '是/否',
  date: '日期',
  datetime: '日期时间',
  blank: '空值',
  any: '任意值',
  'an invalid value': '无效值',
};

function typeWord(english: string): string {
  const list = /^a list of (\w+)$/.exec(english);
  if (list !== null) return `${TYPES[list[1] as string] ?? list[1]}列表`;
  return TYPES[english] ?? english;
}

/** `field qty (number)`, `IF(...) (number)`, `the text "x"`, or a bare type. */
function described(english: string): string {
  const field = /^field (\S+) \((.+)\)$/.exec(english);
  if (field !== null) return `字段 ${field[1]}（${typeWord(field[2] as string)}）`;
  const call = /^(\w+\(\.\.\.\)) \((.+)\)$/.exec(english);
  if (call !== null) return `${call[1]}（${typeWord(call[2] as string)}）`;
  const quoted = /^the text (.+)$/.exec(english);
  if (quoted !== null) return `文本 ${quoted[1]}`;
  return typeWord(english);
}

const PARAMS: Readonly<Record<string, string>> = {
  'TRUE/FALSE': '是/否',
  'TRUE/FALSE values': '是/否值',
  'a number': '数字',
  'a text': '文本',
  'a date': '日期',
  'a value': '一个值',
  'numbers (a number or a number column)': '数字（或数字列）',
  'dates (a date or a date column)': '日期（或日期列）',
};

/** `2`, `1 to 3`, `1 or more`, `2 or more (in groups of 2)`. */
function argumentCount(english: string): string {
  const more = /^(\d+) or more(?: \(in groups of (\d+)\))?$/.exec(english);
  if (more !== null) return ` ${more[1]} 个或更多${more[2] === undefined ? '' : `（每 ${more[2]} 个一组）`}`;
  const range = /^(\d+) to (\d+)$/.exec(english);
  return range === null ? ` ${english} 个` : ` ${range[1]} 到 ${range[2]} 个`;
}

type Rule = readonly [RegExp, (match: RegExpExecArray) => string];

const RULES: readonly Rule[] = [
  [/^The formula ends too early: a value is missing$/, () => '公式不完整：还缺少一个值'],
  [/^Unexpected (.+): a value is missing$/, (m) => `这里缺少一个值，却遇到了 ${m[1]}`],
  [/^Unknown field (\S+)$/, (m) => `未知字段 ${m[1]}`],
  [/^Unknown function (\S+)$/, (m) => `未知函数 ${m[1]}`],
  [/^Unknown sub-table (\S+)$/, (m) => `未知子表 ${m[1]}`],
  [/^Text is not closed/, () => '文本缺少结束的引号'],
  [/^(\S+) is a sub-table; name one of its columns, such as (\S+)$/, (m) => `${m[1]} 是子表，请写出它的一列，例如 ${m[2]}`],
  [/^Sub-table (\S+) has no column (\S+)$/, (m) => `子表 ${m[1]} 没有列 ${m[2]}`],
  [/^(\S+) is not a sub-table, so (\S+) cannot be read$/, (m) => `${m[1]} 不是子表，不能读取 ${m[2]}`],
  [/^Expected \) to close the \( at line (\d+), column (\d+), found .+$/, (m) => `第 ${m[1]} 行第 ${m[2]} 列的“(”缺少对应的“)”`],
  [/^Full-width character (\S) is not allowed here; type (.+) instead$/, (m) => `不能使用全角字符 ${m[1]}，请改为 ${m[2]}`],
  [/^The formula gives a list of (\w+), but a single (\w+) is expected; .*$/, () => '公式结果是子表的一整列，这里需要单个值；请用 SUM、COUNT 等汇总函数'],
  [/^The formula gives (.+), but (.+) is expected$/, (m) => `公式结果是${described(m[1] as string)}，这里需要${typeWord(m[2] as string)}`],
  [/^Cannot compare (.+) with (.+)$/, (m) => `无法比较${described(m[1] as string)}和${described(m[2] as string)}`],
  [/^(\w+) gives values of different types in its branches/, (m) => `${m[1]} 各分支的结果类型不一致；请统一为数字、文本、日期或是/否`],
  [/^(\w+) expects (.+) for (\w+) \(argument (\d+)\), but (.+) was given$/, (m) => `${m[1]} 的第 ${m[4]} 个参数 ${m[3]} 需要${PARAMS[m[2] as string] ?? m[2]}，却得到${described(m[5] as string)}`],
  [/^The (\S+) operator needs a number, but (.+) was given; text and numbers do not mix/, (m) => `运算符 ${m[1]} 需要数字，却得到${described(m[2] as string)}；文本和数字不能混算，可用 VALUE() 转换`],
  [/^(\w+) takes (.+) arguments?, but (\d+) were given$/, (m) => `${m[1]} 需要${argumentCount(m[2] as string)}参数，实际给了 ${m[3]} 个`],
];

/** The message in the UI language: Chinese for the known wordings, otherwise the engine's English. */
export function localizeProblem(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match !== null) return render(match);
  }
  return message;
}

/** How many wordings are translated; the test covers each. */
export const LOCALIZED_PATTERNS = RULES.length;
