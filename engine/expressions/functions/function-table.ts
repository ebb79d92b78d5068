import type { FunctionDoc } from '../types.js';
import { AGGREGATE_FUNCTIONS } from './aggregate-functions.js';
import { DATE_FUNCTIONS } from './date-functions.js';
import type { FunctionDefinition } from './function-definition.js';
import { LOGIC_FUNCTIONS } from './logic-functions.js';
import { MATH_FUNCTIONS } from './math-functions.js';
import { TEXT_FUNCTIONS } from './text-functions.js';

const ALL: readonly FunctionDefinition[] = [
  ...LOGIC_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...AGGREGATE_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...DATE_FUNCTIONS,
];

/**
 * The whitelist: the only functions a formula can call. A Map, so a name such as `constructor`
 * finds nothing rather than something inherited.
 */
export const FUNCTION_TABLE: ReadonlyMap<string, FunctionDefinition> = new Map(ALL.map((entry) => [entry.doc.name, entry]));

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(FUNCTION_TABLE.keys());

/** Every function with its signature, parameter and result types, zh-CN/en help and an example. */
export const FUNCTION_CATALOGUE: readonly FunctionDoc[] = Object.freeze(ALL.map((entry) => entry.doc));
