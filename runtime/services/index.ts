export { createServices, importRecord } from './create-services.js';
export { ADMIN_ROLE, mayDesign, mayReadField, mayUseForm, type FormAction } from './form-access.js';
export { canonicalJson, sha256 } from './canonical-json.js';
export { MAX_PAGE_SIZE } from './record-list-query.js';
export { computeChanges } from './record-changes.js';
export { DEPARTMENTS_DISPLAY_KEY, USERS_DISPLAY_KEY, lookupDisplay } from './record-display.js';
export { hashPassword, verifyPassword } from './password-hash.js';
export type {
  Actor,
  AuthService,
  DefinitionBundle,
  DefinitionService,
  FieldChange,
  HistoryEntry,
  ListOptions,
  PublicUser,
  RecordDto,
  RecordFilter,
  RecordListQuery,
  RecordPage,
  RecordService,
  Services,
  ServicesOptions,
  ValidationResult,
} from './types.js';
