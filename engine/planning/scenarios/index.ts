export { chineseHolidays } from './chinese-holidays.js';
export { generateScenario, type GenerateScenarioOptions, MAX_GENERATED_ITEMS, MIN_GENERATED_ITEMS } from './generate-scenario.js';
export { createSeededRandom, type SeededRandom } from './seeded-random.js';
