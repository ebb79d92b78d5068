export { ctpPromise } from './ctp-promise-function.js';
export { checkCtpRequest } from './ctp-request-check.js';
export { CTP_PROMISE_SCHEMA, CTP_REQUEST_SCHEMA } from './ctp-schemas.js';
export { promiseDelivery, type CommittedPlan } from './promise-delivery.js';
