import { OrdoError } from '../../errors/index.js';
import type { FunctionContext, NativeFunction } from '../../functions/native-function.js';
import type { MrpPlan, MrpScenario } from '../generated/planning-types.js';
import { planMrp } from '../mrp/index.js';
import { checkCtpRequest } from './ctp-request-check.js';
import { CTP_PROMISE_SCHEMA, CTP_REQUEST_SCHEMA } from './ctp-schemas.js';
import { promiseDelivery } from './promise-delivery.js';

const plannedScenarios = new WeakMap<MrpScenario, MrpPlan>();

/** Without a committed plan at hand, the scenario's regenerative plan, made once per snapshot object. */
function committedPlanOf(scenario: MrpScenario): MrpPlan {
  let plan = plannedScenarios.get(scenario);
  if (plan === undefined) {
    plan = planMrp(scenario);
    plannedScenarios.set(scenario, plan);
  }
  return plan;
}

/** `ctp.promise`: the sales order workflow's feasibility step and the API's promise inquiry. */
export const ctpPromise: NativeFunction = Object.freeze({
  name: 'ctp.promise',
  title: { 'zh-CN': '可承诺交期（物料与产能）', en: 'Capable-to-promise (material and capacity)' },
  inputSchema: CTP_REQUEST_SCHEMA,
  outputSchema: CTP_PROMISE_SCHEMA,
  needs: 'planning' as const,
  run(input: Readonly<Record<string, unknown>>, context: FunctionContext) {
    const request = checkCtpRequest(input);
    const planning = context.planning;
    if (planning === undefined) throw new OrdoError('ORDO_ERR_INTERNAL', 'ctp.promise was called without the planning snapshot it needs');
    const plan = planning.plan ?? committedPlanOf(planning.scenario);
    return { ...promiseDelivery(request, { scenario: planning.scenario, plan }, context.now) };
  },
});
