export { CriticalPath } from './critical-path.js';
export { scanReassignments, type InsertionVisitor } from './reassign-moves.js';
export { SeededRandom } from './seeded-random.js';
export { SequenceMoves } from './sequence-moves.js';
export { ShopState } from './shop-state.js';
export { TabuMemory } from './tabu-memory.js';
export { tabuSearch, type SearchObjective, type StopReason, type TabuSearchOptions, type TabuSearchOutcome } from './tabu-search.js';
export { TardinessCost } from './tardiness-cost.js';
