export { isBlank, isList, formatNumber, spread, toBoolean, toNumber, toText } from './coerce.js';
export { isPlainObject, readColumn, readField, toScalar } from './data-access.js';
export {
  add, divide, modulo, multiply, power, round, squareRoot, subtract, sum, sumOfProducts, toMultiple, type RoundingMode,
} from './decimal-math.js';
export {
  DAY_MS, addMonths, dayParts, formatDate, formatDateTime, formatTemporal, isTemporalText, isWeekday, parseTemporal,
  toDay, toTemporal, type Temporal,
} from './dates.js';
export { EvaluationState } from './evaluation-state.js';
export { formulaError, isFormulaError, locateError, type ErrorValue } from './formula-error.js';
export { criteriaTest } from './criteria.js';
export { compare, compareWith, dividedBy, join, minus, negate, plus, raised, times } from './operations.js';
export { formatText } from './text-format.js';
