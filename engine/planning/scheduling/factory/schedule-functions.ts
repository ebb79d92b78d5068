import type { NativeFunction } from '../../../functions/native-function.js';
import type { ScheduleInsertRequest, ScheduleRequest, ScheduleRescheduleRequest, ScheduleWhatIfRequest } from '../../generated/planning-types.js';
import { checkFunctionInput } from './check-function-input.js';
import { insertOrder } from './insert-order.js';
import { planFactory } from './plan-factory.js';
import { reschedule } from './reschedule.js';
import {
  SCHEDULE_INSERT_REQUEST_SCHEMA,
  SCHEDULE_REPAIR_SCHEMA,
  SCHEDULE_REQUEST_SCHEMA,
  SCHEDULE_RESCHEDULE_REQUEST_SCHEMA,
  SCHEDULE_RESULT_SCHEMA,
  SCHEDULE_WHATIF_REQUEST_SCHEMA,
  SCHEDULE_WHATIF_RESULT_SCHEMA,
} from './schedule-schemas.js';
import { whatIf } from './what-if.js';

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

/** `schedule.whatif`: a scenario planned beside the base request and compared with it; nothing is committed. */
export const scheduleWhatIf: NativeFunction = Object.freeze({
  name: 'schedule.whatif',
  title: { 'zh-CN': '排程假设分析', en: 'Schedule what-if' },
  inputSchema: SCHEDULE_WHATIF_REQUEST_SCHEMA,
  outputSchema: SCHEDULE_WHATIF_RESULT_SCHEMA,
  run(input: Readonly<Record<string, unknown>>) {
    return { ...whatIf(checkFunctionInput<ScheduleWhatIfRequest>('schedule.whatif', SCHEDULE_WHATIF_REQUEST_SCHEMA, input)) };
  },
});

/** `schedule.reschedule`: after a breakdown or an operation finished off plan, schedules again what is not frozen. */
export const scheduleReschedule: NativeFunction = Object.freeze({
  name: 'schedule.reschedule',
  title: { 'zh-CN': '事件后重排', en: 'Reschedule after events' },
  inputSchema: SCHEDULE_RESCHEDULE_REQUEST_SCHEMA,
  outputSchema: SCHEDULE_REPAIR_SCHEMA,
  run(input: Readonly<Record<string, unknown>>) {
    return { ...reschedule(checkFunctionInput<ScheduleRescheduleRequest>('schedule.reschedule', SCHEDULE_RESCHEDULE_REQUEST_SCHEMA, input)) };
  },
});
