export { gifflerThompson, type ConstructedSchedule } from './giffler-thompson.js';
export { priorities, type PriorityRule } from './priority-rules.js';
