export { FUNCTION_CATALOGUE, FUNCTION_NAMES, FUNCTION_TABLE } from './function-table.js';
export {
  acceptsArgumentCount, arity, paramAt, type Evaluator, type FunctionDefinition, type FunctionImplementation,
} from './function-definition.js';
