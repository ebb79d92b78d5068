export * from './calendar/index.js';
export type * from './generated/planning-types.js';
export * from './ctp/index.js';
export * from './mrp/index.js';
export * from './scenarios/index.js';
export * as scheduling from './scheduling/index.js';
