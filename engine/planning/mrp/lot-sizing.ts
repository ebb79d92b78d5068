import type { LotSizing } from '../generated/planning-types.js';

const UNIT = 1e6;

/** Quantities are kept on a 1e-6 grid so float noise never reaches the plan or its sums. */
export function round6(value: number): number {
  return Math.round(value * UNIT) / UNIT;
}

/** Rounded up to the 1e-6 grid (an order must not fall a millionth short of its need). */
export function ceil6(value: number): number {
  return Math.ceil(round6(value * UNIT) - 1e-9) / UNIT;
}

export const EPSILON = 5e-7;

/**
 * Order quantities (in ordered units) for one net requirement. The method gives the base quantities;
 * min, multiple and max then apply, in that order (raise to min, round up to the
 * multiple, split what is above max into further orders). `period` is handled by the planner, which
 * keeps one order open for the next `periods` buckets; here it sizes like lot-for-lot.
 */
export function lotQuantities(need: number, sizing: LotSizing | undefined): number[] {
  if (need <= EPSILON) return [];
  const method = sizing?.method ?? 'lot-for-lot';
  return applyModifiers(method === 'fixed' && sizing?.qty !== undefined ? fixedMultiple(need, sizing.qty) : need, sizing);
}

/**
 * Fixed order quantity: one order per bucket of the smallest multiple of the lot that covers the
 * need (APICS FOQ "order in multiples of the FOQ"; SAP's fixed lot size and Odoo's reordering rule
 * with a multiple do the same). One order per lot would list hundreds of identical orders on one day
 * for a small lot, which no planner releases that way.
 */
function fixedMultiple(need: number, lot: number): number {
  return round6(Math.max(1, Math.ceil(round6(need / lot) - 1e-9)) * lot);
}

export function applyModifiers(qty: number, sizing: LotSizing | undefined): number[] {
  let total = qty;
  if (sizing?.min !== undefined) total = Math.max(total, sizing.min);
  if (sizing?.multiple !== undefined) total = round6(Math.ceil(round6(total / sizing.multiple) - 1e-9) * sizing.multiple);
  total = ceil6(total);
  const max = sizing?.max;
  if (max === undefined || total <= max + EPSILON) return [total];
  const out: number[] = [];
  let left = total;
  while (left > max + EPSILON) {
    out.push(max);
    left = round6(left - max);
  }
  if (left > EPSILON) out.push(...applyModifiers(left, { ...sizing, max: undefined, method: 'lot-for-lot' }));
  return out;
}
