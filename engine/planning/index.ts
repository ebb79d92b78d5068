export * from './calendar/index.js';
export type * from './generated/planning-types.js';
export * as scheduling from './scheduling/index.js';
