export { loadShopFloorRecords, type ShopFloorRecords } from './shop-floor-records.js';
export {
  DEFAULT_FROZEN_HOURS,
  PRIORITY_WEIGHT,
  SHOP_UTC_OFFSET_MINUTES,
  shopFloorFromRecords,
  type ShopFloor,
  type ShopFloorOptions,
} from './shop-floor-from-records.js';
export { DEFAULT_SHIFT_PATTERN, shiftCalendar, shiftHours, shiftPattern } from './shift-calendars.js';
export { loadShopFloor, type LoadedShopFloor } from './load-shop-floor.js';
export { dispatchList } from './dispatch-list.js';
export { emptySchedule } from './empty-schedule.js';
export { scenarioRequest } from './what-if-scenario.js';
export { createScheduleService, SCHEDULE_FUNCTION, type ScheduleServiceDependencies } from './schedule-service.js';
export type * from './types.js';
