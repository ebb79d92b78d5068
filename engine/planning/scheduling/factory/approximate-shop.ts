import { OrdoError, type FieldError } from '../../../errors/index.js';
import { compileShop, type ShopModel, type ShopOperation } from '../model/index.js';
import { runMinutes, setupMinutes, type FactoryModel } from './factory-model.js';

const DAY = 1440;

/**
 * The factory as the search sees it: a shop model in elapsed minutes where each machine's working time
 * is stretched by how much of the clock its calendar works (a machine on one shift of eight hours a
 * day, five days a week, turns 60 working minutes into 252 elapsed ones). Setups count as the
 * operation's own setup, not the family matrix; outsourced operations each get a machine of their own
 * (no capacity shared). Fixed operations keep their start and their exact duration on the calendar.
 * The search ranks solutions by this approximation; `decodeSchedule` computes the true times.
 */
export function approximateShop(model: FactoryModel): ShopModel {
  const stretch = model.machines.map((machine) => {
    for (const days of [28, 365]) {
      const working = machine.calendar.workingBetween(model.now, model.now + days * DAY);
      if (working > 0) return (days * DAY) / working;
    }
    return 1;
  });
  let virtual = model.machines.length;
  const jobs = model.orders.map((order) => {
    const operations: ShopOperation[] = [];
    for (let i = order.firstOp; i < order.firstOp + order.count; i++) {
      const operation = model.operations[i]!;
      if (operation.outsourcedLead !== undefined) {
        const { fixed } = operation;
        const duration = fixed === undefined ? operation.outsourcedLead : (fixed.end ?? fixed.start + operation.outsourcedLead) - fixed.start;
        const frozen = fixed === undefined ? undefined : { machine: virtual, start: fixed.start };
        operations.push({ alternatives: [{ machine: virtual++, duration }], ...(frozen === undefined ? { release: operation.release } : { frozen }) });
      } else if (operation.fixed !== undefined) {
        const { machine, start, end } = operation.fixed;
        const work = setupMinutes(model, machine, -1, i) + runMinutes(model, i, machine);
        const finish = end ?? model.machines[machine]!.calendar.place(start, work)?.end ?? start;
        operations.push({ alternatives: [{ machine, duration: finish - start }], frozen: { machine, start } });
      } else {
        const alternatives = operation.alternatives.map((alternative) => ({
          machine: alternative.machine,
          duration: Math.ceil((operation.setup + alternative.run) * stretch[alternative.machine]!),
        }));
        operations.push({ alternatives, release: operation.release });
      }
    }
    return { operations, due: order.due, weight: order.weight };
  });
  const precedences = model.precedences
    .map(([a, b]) => [model.operations[a]!, model.operations[b]!] as const)
    .filter(([a, b]) => a.order !== b.order)
    .map(([a, b]) => ({ before: { job: a.order, op: a.index }, after: { job: b.order, op: b.index } }));
  const shop: ShopModel = { machineCount: virtual, jobs, precedences };
  try {
    compileShop(shop);
  } catch (error) {
    if (error instanceof OrdoError) throw remapPointers(error, model);
    throw error;
  }
  return shop;
}

/** The shop model's pointers (/jobs/j/operations/k/frozen, /precedences/p) said in the request's terms. */
function remapPointers(error: OrdoError, model: FactoryModel): OrdoError {
  const crossOrders = model.precedenceOrder.filter((order) => order >= 0);
  const fields: FieldError[] = error.fields.map((field) => {
    const precedence = /^\/precedences\/(\d+)/.exec(field.pointer);
    const pointer = precedence
      ? `/orders/${crossOrders[Number(precedence[1])] ?? 0}/parent`
      : field.pointer
          .replace(/^\/jobs\//, '/orders/')
          .replace(/\/frozen/, '/fixed')
          .replace(/^\/machineCount$/, '/workCenters');
    return { ...field, pointer };
  });
  return new OrdoError(
    'ORDO_ERR_SCHEDULE_MODEL_INVALID',
    error.message.replace(/job (\d+) op (\d+)/g, (_, j, k) => opName(model, Number(j), Number(k))),
    { fields },
  );
}

function opName(model: FactoryModel, order: number, index: number): string {
  const o = model.orders[order];
  return o === undefined ? `order ${order} operation ${index}` : `order ${o.id} operation ${model.operations[o.firstOp + index]?.id ?? index}`;
}
