import { OrdoError } from '../../errors/index.js';
import type { FunctionContext, NativeFunction } from '../../functions/native-function.js';
import { checkCtpRequest } from './ctp-request-check.js';
import { CTP_PROMISE_SCHEMA, CTP_REQUEST_SCHEMA } from './ctp-schemas.js';
import { promiseDelivery } from './promise-delivery.js';

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
    if (planning.plan === undefined) throw new OrdoError('ORDO_ERR_INTERNAL', 'ctp.promise needs the committed plan until planMrp is available');
    return { ...promiseDelivery(request, { scenario: planning.scenario, plan: planning.plan }, context.now) };
  },
});
