import type { NativeFunction } from '../../../functions/native-function.js';
import type { ScheduleInsertRequest, ScheduleRequest } from '../../generated/planning-types.js';
import { checkFunctionInput } from './check-function-input.js';
import { insertOrder } from './insert-order.js';
import { planFactory } from './plan-factory.js';
import { SCHEDULE_INSERT_REQUEST_SCHEMA, SCHEDULE_REPAIR_SCHEMA, SCHEDULE_REQUEST_SCHEMA, SCHEDULE_RESULT_SCHEMA } from './schedule-schemas.js';

/** `schedule.plan`: the factory and its orders in, the schedule and its KPIs out. Needs nothing else: the input carries the factory. */
export const schedulePlan: NativeFunction = Object.freeze({
  name: 'schedule.plan',
  title: { 'zh-CN': '有限产能排程', en: 'Finite-capacity schedule' },
  inputSchema: SCHEDULE_REQUEST_SCHEMA,
  outputSchema: SCHEDULE_RESULT_SCHEMA,
  run(input: Readonly<Record<string, unknown>>) {
    return { ...planFactory(checkFunctionInput<ScheduleRequest>('schedule.plan', SCHEDULE_REQUEST_SCHEMA, input)) };
  },
});

/** `schedule.insert`: a rush order into the committed schedule, moving as little as possible; lists what moved. */
export const scheduleInsert: NativeFunction = Object.freeze({
  name: 'schedule.insert',
  title: { 'zh-CN': '插单', en: 'Insert a rush order' },
  inputSchema: SCHEDULE_INSERT_REQUEST_SCHEMA,
  outputSchema: SCHEDULE_REPAIR_SCHEMA,
  run(input: Readonly<Record<string, unknown>>) {
    return { ...insertOrder(checkFunctionInput<ScheduleInsertRequest>('schedule.insert', SCHEDULE_INSERT_REQUEST_SCHEMA, input)) };
  },
});
