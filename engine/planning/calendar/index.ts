export { type DayNumber, dayOf, formatDay, isoWeekday, parseDay } from './day-numbers.js';
export { createWorkingCalendar, type WorkingCalendar } from './working-calendar.js';
