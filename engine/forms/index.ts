export * from './model/index.js';
export { checkForm } from './check-form.js';
export { compileForm, type CompiledForm } from './compile-form.js';
export {
  compileDataValidator,
  MAX_VALIDATION_ERRORS,
  toFieldErrors,
  validationSchemaOf,
  type DataValidator,
} from './data-validator.js';
export { guardReadOnly, guardWrites } from './write-guard.js';
