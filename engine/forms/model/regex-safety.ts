/**
 * Detects regular expressions that can backtrack catastrophically (ReDoS) before a definition is
 * accepted: a repetition inside a repetition that can split the same text in more than one way
 * ((a+)+, (.*)*, (\w+\s?)+), and an alternation inside a repetition whose branches can start with
 * the same character ((a|a)*). It errs on the side of rejecting: a pattern it flags can always be
 * rewritten without the ambiguity. Written here because the packaged checkers look at star height
 * only: safe-regex2 passes ^(a|a)*$, the fixture the research note names.
 */

type Range = readonly [number, number];
type CharSet = readonly Range[];

type RegexNode =
  | { readonly kind: 'chars'; readonly set: CharSet }
  | { readonly kind: 'sequence'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alternation'; readonly options: readonly RegexNode[] }
  | { readonly kind: 'repeat'; readonly body: RegexNode; readonly min: number; readonly max: number }
  | { readonly kind: 'assertion'; readonly body: RegexNode | undefined };

export type RegexVerdict = { readonly safe: true } | { readonly safe: false; readonly reason: string };

const MAX_CODE_POINT = 0x10ffff;
const ANY: CharSet = [[0, MAX_CODE_POINT]];
const NONE: CharSet = [];
const DIGIT: CharSet = [[48, 57]];
const WORD: CharSet = [[48, 57], [65, 90], [95, 95], [97, 122]];
const SPACE: CharSet = [[9, 13], [32, 32], [160, 160], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];

function normalize(set: readonly Range[]): CharSet {
  const sorted = [...set].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

function union(...sets: readonly CharSet[]): CharSet {
  return normalize(sets.flat());
}

function complement(set: CharSet): CharSet {
  const result: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(set)) {
    if (lo > next) result.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) result.push([next, MAX_CODE_POINT]);
  return result;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  return a.some(([loA, hiA]) => b.some(([loB, hiB]) => loA <= hiB && loB <= hiA));
}

function single(code: number): CharSet {
  return [[code, code]];
}

/** A recursive-descent parser for the pattern syntax of JavaScript's `u` mode (what ajv uses). */
class RegexParser {
  private position = 0;

  constructor(private readonly source: string) {}

  parse(): RegexNode {
    return this.alternation();
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }

  private next(): string {
    const char = this.source[this.position] ?? '';
    this.position += char.length === 0 ? 0 : 1;
    return char;
  }

  private codePoint(): number {
    const code = this.source.codePointAt(this.position) ?? 0;
    this.position += code > 0xffff ? 2 : 1;
    return code;
  }

  private alternation(): RegexNode {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.next();
      options.push(this.sequence());
    }
    return options.length === 1 && options[0] !== undefined ? options[0] : { kind: 'alternation', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.position < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'sequence', items };
  }

  private quantified(atom: RegexNode): RegexNode {
    const char = this.peek();
    let min: number;
    let max: number;
    if (char === '*') [min, max] = [0, Infinity];
    else if (char === '+') [min, max] = [1, Infinity];
    else if (char === '?') [min, max] = [0, 1];
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
      if (match === null) return atom;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' || match[3] === undefined ? Infinity : Number(match[3]);
      this.position += match[0].length - 1;
    } else return atom;
    this.next();
    if (this.peek() === '?') this.next();
    return this.quantified({ kind: 'repeat', body: atom, min, max });
  }

  private atom(): RegexNode {
    const char = this.next();
    if (char === '(') return this.group();
    if (char === '[') return { kind: 'chars', set: this.characterClass() };
    if (char === '.') return { kind: 'chars', set: complement(union(single(10), single(13), [[0x2028, 0x2029]])) };
    if (char === '^' || char === '$') return { kind: 'assertion', body: undefined };
    if (char === '\\') return this.escape();
    this.position -= 1;
    return { kind: 'chars', set: single(this.codePoint()) };
  }

  private group(): RegexNode {
    let assertion = false;
    if (this.peek() === '?') {
      this.next();
      const kind = this.next();
      if (kind === '=' || kind === '!') assertion = true;
      else if (kind === '<' && (this.peek() === '=' || this.peek() === '!')) {
        this.next();
        assertion = true;
      } else if (kind === '<') {
        while (this.position < this.source.length && this.next() !== '>');
      }
    }
    const body = this.alternation();
    this.next();
    return assertion ? { kind: 'assertion', body } : body;
  }

  private escape(): RegexNode {
    const char = this.peek();
    if (char === 'b' || char === 'B') {
      this.next();
      return { kind: 'assertion', body: undefined };
    }
    if (char !== undefined && /[1-9]/.test(char)) {
      while (/[0-9]/.test(this.peek() ?? '')) this.next();
      return { kind: 'chars', set: ANY };
    }
    if (char === 'k') {
      while (this.position < this.source.length && this.next() !== '>');
      return { kind: 'chars', set: ANY };
    }
    return { kind: 'chars', set: this.escapedSet() };
  }

  /** The set of an escape after its backslash, shared by atoms and classes. */
  private escapedSet(): CharSet {
    const char = this.next();
    switch (char) {
      case 'd': return DIGIT;
      case 'D': return complement(DIGIT);
      case 'w': return WORD;
      case 'W': return complement(WORD);
      case 's': return SPACE;
      case 'S': return complement(SPACE);
      case 'n': return single(10);
      case 'r': return single(13);
      case 't': return single(9);
      case 'f': return single(12);
      case 'v': return single(11);
      case '0': return single(0);
      case 'c': return single(this.next().charCodeAt(0) % 32);
      case 'x': return single(this.hex(2));
      case 'u': return single(this.unicodeEscape());
      case 'p':
      case 'P':
        while (this.position < this.source.length && this.next() !== '}');
        return ANY;
      default: return single(char.codePointAt(0) ?? 0);
    }
  }

  private hex(length: number): number {
    const digits = this.source.slice(this.position, this.position + length);
    this.position += length;
    return Number.parseInt(digits, 16);
  }

  private unicodeEscape(): number {
    if (this.peek() !== '{') return this.hex(4);
    const end = this.source.indexOf('}', this.position);
    const code = Number.parseInt(this.source.slice(this.position + 1, end), 16);
    this.position = end + 1;
    return code;
  }

  private characterClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.next();
    const ranges: Range[] = [];
    while (this.position < this.source.length && this.peek() !== ']') {
      const low = this.classAtom();
      if (this.peek() === '-' && this.source[this.position + 1] !== ']' && low.length === 1 && low[0]?.[0] === low[0]?.[1]) {
        this.next();
        const high = this.classAtom();
        const from = low[0]?.[0] ?? 0;
        const to = high[0]?.[1] ?? from;
        ranges.push([from, Math.max(from, to)]);
      } else ranges.push(...low);
    }
    this.next();
    return negated ? complement(ranges) : normalize(ranges);
  }

  private classAtom(): CharSet {
    if (this.peek() !== '\\') return single(this.codePoint());
    this.next();
    if (this.peek() === 'b') {
      this.next();
      return single(8);
    }
    return this.escapedSet();
  }
}

function nullable(node: RegexNode): boolean {
  switch (node.kind) {
    case 'chars': return false;
    case 'assertion': return true;
    case 'sequence': return node.items.every(nullable);
    case 'alternation': return node.options.some(nullable);
    case 'repeat': return node.min === 0 || nullable(node.body);
  }
}

function first(node: RegexNode): CharSet {
  switch (node.kind) {
    case 'chars': return node.set;
    case 'assertion': return NONE;
    case 'alternation': return union(...node.options.map(first));
    case 'repeat': return first(node.body);
    case 'sequence': {
      const sets: CharSet[] = [];
      for (const item of node.items) {
        sets.push(first(item));
        if (!nullable(item)) break;
      }
      return union(...sets);
    }
  }
}

/** Every character the node can consume anywhere. */
function consumable(node: RegexNode): CharSet {
  switch (node.kind) {
    case 'chars': return node.set;
    case 'assertion': return NONE;
    case 'alternation': return union(...node.options.map(consumable));
    case 'repeat': return consumable(node.body);
    case 'sequence': return union(...node.items.map(consumable));
  }
}

/**
 * Walks the tree knowing what may follow each node and how many repetitions enclose it; returns
 * the first ambiguity found.
 */
function findAmbiguity(node: RegexNode, follow: CharSet, insideRepeat: boolean): string | undefined {
  switch (node.kind) {
    case 'chars': return undefined;
    case 'assertion': return node.body === undefined ? undefined : findAmbiguity(node.body, NONE, insideRepeat);
    case 'sequence':
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i];
        if (item === undefined) continue;
        const rest: RegexNode = { kind: 'sequence', items: node.items.slice(i + 1) };
        const itemFollow = nullable(rest) ? union(first(rest), follow) : first(rest);
        const found = findAmbiguity(item, itemFollow, insideRepeat);
        if (found !== undefined) return found;
      }
      return undefined;
    case 'alternation': {
      if (insideRepeat) {
        const firsts = node.options.map(first);
        for (let i = 0; i < firsts.length; i++) {
          for (let j = i + 1; j < firsts.length; j++) {
            if (overlaps(firsts[i] ?? NONE, firsts[j] ?? NONE)) {
              return 'a repeated alternation whose branches can match the same text';
            }
          }
        }
      }
      for (const option of node.options) {
        const found = findAmbiguity(option, follow, insideRepeat);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    case 'repeat': {
      if (node.max <= 1) return findAmbiguity(node.body, follow, insideRepeat);
      if (insideRepeat && overlaps(consumable(node.body), follow)) {
        return 'a repetition nested in a repetition that can split the same text in many ways';
      }
      return findAmbiguity(node.body, union(first(node.body), follow), true);
    }
  }
}

export function checkRegexSafety(pattern: string): RegexVerdict {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return { safe: false, reason: 'not a valid regular expression' };
  }
  const reason = findAmbiguity(new RegexParser(pattern).parse(), NONE, false);
  return reason === undefined ? { safe: true } : { safe: false, reason };
}
