import { ctpPromise } from '../planning/ctp/index.js';
import { mrpPlanFunction } from '../planning/mrp/mrp-function.js';
import { scheduleInsert, schedulePlan, scheduleReschedule, scheduleWhatIf } from '../planning/scheduling/factory/index.js';
import type { NativeFunction } from './native-function.js';
import { placeholderPromise } from './placeholder-promise.js';

export type { FunctionContext, NativeFunction, PlanningSnapshot } from './native-function.js';

/** Every native function by name: what workflows may invoke and the API exposes. */
export const NATIVE_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  [mrpPlanFunction.name, mrpPlanFunction],
  [placeholderPromise.name, placeholderPromise],
  [ctpPromise.name, ctpPromise],
  [schedulePlan.name, schedulePlan],
  [scheduleInsert.name, scheduleInsert],
  [scheduleWhatIf.name, scheduleWhatIf],
  [scheduleReschedule.name, scheduleReschedule],
]);
