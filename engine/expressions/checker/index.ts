export { checkTypes } from './type-checker.js';
export type { CheckedType } from './checked-type.js';
