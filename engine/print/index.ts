export { PRINT_HELPER_NAMES } from './print-helpers.js';
export { compilePrintTemplate, printTemplateProblem, type PrintContext, type PrintTemplate } from './print-template.js';
export { DEFAULT_PRINT_TIME_ZONE, formVocabulary, type DisplayNames, type PrintVocabulary } from './print-vocabulary.js';
