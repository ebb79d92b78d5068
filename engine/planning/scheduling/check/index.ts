export { checkSchedule, type ScheduleViolation } from './check-schedule.js';
