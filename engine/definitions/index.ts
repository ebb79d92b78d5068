export { crossCheckDefinitions, type LocatedForm } from './cross-checks.js';
export { formatProblem, type DefinitionProblem } from './definition-problem.js';
export { type LoadedPrintTemplate } from './print-template-checks.js';
export type * from './generated/definition-types.js';
export { validateAgainstMetaSchema, escapePointer, type SchemaProblem } from './meta-schema-validator.js';
export { checkWorkflowShape } from './workflow-shape-check.js';
export { DEFINITION_KINDS, META_SCHEMAS, type DefinitionKind } from './meta-schemas/index.js';
export {
  validateDefinitionFiles,
  type DefinitionFile,
  type DefinitionSet,
  type ValidationOutcome,
} from './validate-definition-files.js';
