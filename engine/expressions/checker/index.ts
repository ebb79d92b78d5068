export { checkTypes } from './type-checker.js';
