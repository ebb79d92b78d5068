export { formatNumber, isBlank, isList, toBoolean, toNumber, toText } from './coerce.js';
export { readColumn, readField } from './data-access.js';
export {
  add, divide, modulo, multiply, power, round, squareRoot, subtract, sum, sumOfProducts, toMultiple, type RoundingMode,
} from './decimal-math.js';
export {
  DAY_MS, addMonths, dayParts, formatDate, formatDateTime, formatTemporal, isWeekday, parseTemporal, toDay,
  type Temporal,
} from './dates.js';
export { EvaluationState } from './evaluation-state.js';
export { formulaError, isFormulaError, locateError, type ErrorValue } from './formula-error.js';
export { criteriaTest } from './criteria.js';
export { compare, compareWith, dividedBy, join, minus, negate, plus, raised, times } from './operations.js';
export { formatText } from './text-format.js';
