import type { NativeFunction } from './native-function.js';

const STANDARD_LEAD_DAYS = 14;
const DAY = 86_400_000;

function dateOnly(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/**
 * The standard-lead-time promise Ordo shipped before capable-to-promise: it knows neither material
 * nor capacity and says so in its reason. Sales order workflow versions published with it still name
 * it, so it stays runnable for their instances; new versions use `ctp.promise`.
 */
export const placeholderPromise: NativeFunction = Object.freeze({
  name: 'ctp.placeholder-promise',
  title: { 'zh-CN': '交期承诺（标准交期，已由 ctp.promise 取代）', en: 'Delivery promise (standard lead time, replaced by ctp.promise)' },
  retiredFor: 'ctp.promise',
  inputSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { orderDate: { type: ['string', 'null'], format: 'date' }, requestedDate: { type: ['string', 'null'], format: 'date' } },
  },
  outputSchema: {
    type: 'object',
    required: ['promisedDate', 'feasible', 'reason'],
    properties: { promisedDate: { type: 'string', format: 'date' }, feasible: { type: 'boolean' }, reason: { type: 'string' } },
  },
  run(input: Readonly<Record<string, unknown>>, context: { readonly now: Date }) {
    const from = dateOnly(input['orderDate']) ?? context.now.toISOString().slice(0, 10);
    const earliest = new Date(Date.parse(`${from}T00:00:00Z`) + STANDARD_LEAD_DAYS * DAY).toISOString().slice(0, 10);
    const requested = dateOnly(input['requestedDate']);
    const feasible = requested !== undefined && requested >= earliest;
    const promisedDate = feasible ? requested : earliest;
    const reason = feasible
      ? `Requested date ${requested} is at least the standard lead time of ${STANDARD_LEAD_DAYS} days after ${from} (placeholder: material and capacity not checked)`
      : `Standard lead time of ${STANDARD_LEAD_DAYS} days from ${from} gives ${earliest}${requested === undefined ? '' : `, later than the requested ${requested}`} (placeholder: material and capacity not checked)`;
    return { promisedDate, feasible, reason };
  },
});
