export { analyzeForm, buildFormModel, type FormAnalysis } from './build-form-model.js';
export { resolveReference } from './computed-order.js';
export { DefinitionProblems } from './definition-problems.js';
export { runForm, visibleStates, type FormRun } from './evaluate-form.js';
export { fieldMessage, type MessageParams } from './field-messages.js';
export {
  ATTACHMENT_ITEMS_SCHEMA,
  MAX_ATTACHMENTS_PER_FIELD,
  ORDO_FIELD_KEYWORD,
  choiceValuesOf,
  isMultipleChoiceSchema,
  ordoFieldKindOf,
} from './field-kinds.js';
export { evaluateSlotStates, type SlotState, type StatedSlot } from './field-states.js';
export { copyData, fieldSlots, type FieldSlot } from './field-slots.js';
export { applyDefaults } from './apply-defaults.js';
export { formFieldScope, formLineScope } from './field-scope.js';
export { checkLayout, renderOrder, renderedSections, widthOf, type RenderedSection } from './form-layout.js';
export type {
  CheckInput,
  CheckResult,
  DataFieldError,
  EvaluationResult,
  FieldInfo,
  FieldNode,
  FieldRules,
  FieldState,
  FieldStates,
  FieldTypeName,
  FormContext,
  FormModel,
  JsonType,
  LookupRecords,
} from './form-model.js';
export { getOwn, hasOwn, isBlank, isPlainObject, jsonEqual, pointerOf, type JsonObject } from './json-data.js';
export { compileLiveForm, liveFormOf, type LiveForm } from './live-form.js';
export { applyLookupFill, lookupRequests, type LookupRequest } from './lookup-fill.js';
export { FORMAT_NAMES, MESSAGE_CATALOGUE, TYPE_NAMES, type MessageTemplates } from './message-catalogue.js';
export { modelErrors, requestPointer } from './model-checks.js';
export { ADMIN_ROLE, canRead, canWrite, projectData } from './permissions.js';
export { checkRegexSafety, type RegexVerdict } from './regex-safety.js';
export { toRjsf, type RjsfForm } from './rjsf-schema.js';
export { MAX_SCHEMA_DEPTH } from './schema-checks.js';
export { forEachSubschema, rewriteSchema, type SchemaVisit } from './schema-visitor.js';
export type { FormDefinition } from '../../definitions/generated/definition-types.js';
