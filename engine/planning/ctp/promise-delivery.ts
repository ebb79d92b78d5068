import { dayOf, formatDay, parseDay, type DayNumber } from '../calendar/index.js';
import type { CtpPromise, CtpRequest, MrpPlan, MrpScenario } from '../generated/planning-types.js';
import { explodeLine } from './material-pass.js';
import { type ItemNamer, lineLimit, orderReason, type LinePromise } from './promise-messages.js';
import { preparePlan } from './prepared-plan.js';
import { PromiseLedger } from './promise-ledger.js';
import { readyPass, type Need } from './ready-pass.js';

export interface CommittedPlan {
  readonly scenario: MrpScenario;
  readonly plan: MrpPlan;
}

/**
 * Capable-to-promise as an inquiry: each line is planned, in request order, as a new demand on top
 * of the committed plan (a copy-on-write ledger holds what earlier lines drew), and its earliest date
 * is read off. Nothing is reserved: the plan object is left as it was.
 * Dates in the request must already be valid calendar days (the function's input check sees to it).
 */
export function promiseDelivery(request: CtpRequest, committed: CommittedPlan, now: Date): CtpPromise {
  const prepared = preparePlan(committed.scenario, committed.plan);
  const today = Math.max(dayOf(now), prepared.horizonStart);
  const ledger = new PromiseLedger(prepared, request.salesOrder);
  const orderRequested = request.requestedDate === undefined ? undefined : parseDay(request.requestedDate);
  const nameOf: ItemNamer = (item) => prepared.network.byId.get(item)?.item.name ?? item;

  const lines = request.lines.map((line): LinePromise => {
    const requested = line.requestedDate === undefined ? orderRequested : parseDay(line.requestedDate);
    const requestedDate = requested === undefined ? {} : { requestedDate: formatDay(requested) };
    const node = prepared.network.byId.get(line.item);
    // A line that cannot be made at all still gets a date (the requested day or today), never feasible.
    const unpromisable = (limitedBy: LinePromise['limitedBy']): LinePromise => ({
      item: line.item,
      qty: line.qty,
      ...requestedDate,
      promisedDate: formatDay(Math.max(today, requested ?? today)),
      feasible: false,
      limitedBy,
      needed: [],
    });
    if (node === undefined) return unpromisable(lineLimit({ kind: 'unknown-item', item: line.item, date: Infinity }, line.item, nameOf));
    const trial = ledger.fork();
    const context = { prepared, ledger: trial, today };
    const graph = explodeLine(context, node, line.qty, requested ?? today);
    const needs = readyPass(context, graph);
    const { ready, limit } = graph.root;
    if (ready === Infinity) return unpromisable(lineLimit(limit!, line.item, nameOf));
    trial.commit();
    const feasible = requested === undefined || ready <= requested;
    return {
      item: line.item,
      qty: line.qty,
      ...requestedDate,
      promisedDate: formatDay(Math.max(ready, requested ?? ready)),
      feasible,
      limitedBy: lineLimit(limit!, line.item, nameOf),
      needed: feasible ? [] : mergeNeeds(needs),
    };
  });

  return {
    promisedDate: lines.reduce((latest, line) => (line.promisedDate > latest ? line.promisedDate : latest), lines[0]!.promisedDate),
    feasible: lines.every((line) => line.feasible),
    reason: orderReason(lines, today, nameOf),
    lines,
  };
}

/** One entry per item or work center and date, quantities rounded up so that following them is enough. */
function mergeNeeds(needs: readonly Need[]): LinePromise['needed'] {
  type Entry = { kind: Need['kind']; name: string; by: DayNumber; amount: number };
  const merged: Entry[] = [];
  const byName = { material: new Map<string, Map<DayNumber, Entry>>(), capacity: new Map<string, Map<DayNumber, Entry>>() };
  for (const need of needs) {
    const name = need.kind === 'material' ? need.item! : need.workCenter!;
    let byDay = byName[need.kind].get(name);
    if (byDay === undefined) byName[need.kind].set(name, (byDay = new Map()));
    let entry = byDay.get(need.by);
    if (entry === undefined) {
      entry = { kind: need.kind, name, by: need.by, amount: 0 };
      byDay.set(need.by, entry);
      merged.push(entry);
    }
    entry.amount += need.kind === 'material' ? need.qty! : need.hours!;
  }
  const days = new Map<DayNumber, string>();
  const format = (day: DayNumber) => days.get(day) ?? days.set(day, formatDay(day)).get(day)!;
  return merged
    .sort((a, b) => a.by - b.by || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((entry) =>
      entry.kind === 'material'
        ? { kind: 'material' as const, item: entry.name, qty: roundUp(entry.amount, 4), by: format(entry.by) }
        : { kind: 'capacity' as const, workCenter: entry.name, hours: roundUp(entry.amount, 2), by: format(entry.by) },
    );
}

function roundUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.ceil(value * factor - 1e-6) / factor;
}
