export { insertAudit, type AuditEntry } from './audit-store.js';
export { insertDefinition, latestDefinition, listDefinitions, type DefinitionRow, type NewDefinitionRow } from './definitions-store.js';
export { isUniqueViolation, type Executor } from './executor.js';
export { claimIdempotencyKey, findIdempotencyKey, storeIdempotentResponse, type IdempotencyRow } from './idempotency-store.js';
export { insertHistory, listHistory, type HistoryRow, type NewHistoryRow } from './record-history-store.js';
export { likePattern, type FilterOp, type RecordCondition, type RecordSort, type RecordTarget } from './record-query.js';
export {
  findRecord,
  findRecordIdsOutside,
  findRecordsByIds,
  newRecordValues,
  listRecords,
  recordIdExists,
  softDeleteRecord,
  updateRecordData,
  type NewRecordRow,
  type RecordChange,
  type RecordPageQuery,
  type RecordRow,
} from './records-store.js';
export { nextSerial } from './serials-store.js';
export {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findSessionWithUser,
  insertSession,
  type SessionRow,
  type SessionUser,
} from './sessions-store.js';
export { findDisplayNames, findUserByUsername, insertUser, type NewUserRow, type UserRow } from './users-store.js';
export { insertRecordWithTrail } from './record-creation-store.js';
