export { checkTypes, inferTypes } from './type-checker.js';
