import type { NativeFunction } from '../../../functions/native-function.js';
import type { ScheduleRequest } from '../../generated/planning-types.js';
import { checkFunctionInput } from './check-function-input.js';
import { planFactory } from './plan-factory.js';
import { SCHEDULE_REQUEST_SCHEMA, SCHEDULE_RESULT_SCHEMA } from './schedule-schemas.js';

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
