import { formatDay, type DayNumber } from '../calendar/index.js';
import type { CtpPromise } from '../generated/planning-types.js';
import { SEARCH_DAYS } from './capacity-schedule.js';
import type { Limit } from './requirement.js';

export type LineLimit = CtpPromise['lines'][number]['limitedBy'];
export type LinePromise = CtpPromise['lines'][number];

/** How messages name an item: its name in the planning data (`code name` from records), else its id. */
export type ItemNamer = (item: string) => string;

/**
 * The contract's limitedBy from the pass's limit. The line's own item limited by its own lead time
 * is `lead-time`; any deeper item's lead time or late supply is `material`. Messages are English
 * for logs, the CLI and the order's feasibility note; the web app words its own from the structured fields.
 */
export function lineLimit(limit: Limit, lineItem: string, nameOf: ItemNamer): LineLimit {
  const item = nameOf(limit.item);
  const date = Number.isFinite(limit.date) ? formatDay(limit.date) : undefined;
  const dated = date === undefined ? {} : { date };
  switch (limit.kind) {
    case 'stock':
      return { kind: 'stock', item: limit.item, ...dated, message: `${item} is in stock` };
    case 'supply':
      return { kind: 'material', item: limit.item, ...dated, message: `the free supply of ${item} is available on ${date}` };
    case 'buy-lead-time':
    case 'make-lead-time': {
      const verb = limit.kind === 'buy-lead-time' ? 'bought' : 'made';
      const kind = limit.item === lineItem ? 'lead-time' : 'material';
      return { kind, item: limit.item, ...dated, message: `${item} is ${verb} in ${limit.leadDays} working days, so it is ready on ${date}` };
    }
    case 'capacity':
      return {
        kind: 'capacity',
        item: limit.item,
        workCenter: limit.workCenter!,
        ...dated,
        message: `work center ${limit.workCenter} is loaded, so its operation for ${item} finishes on ${date}`,
      };
    case 'no-capacity':
      return {
        kind: 'capacity',
        item: limit.item,
        workCenter: limit.workCenter!,
        ...dated,
        message: `work center ${limit.workCenter} has no free hours for ${item} within ${Math.round(SEARCH_DAYS / 366)} years`,
      };
    case 'unknown-item':
      return { kind: 'unknown-item', item: limit.item, message: `item ${item} is not in the planning data` };
    case 'bom-cycle':
      return { kind: 'unknown-item', item: limit.item, message: `item ${item} is on a BOM cycle and cannot be planned` };
  }
}

/** One English sentence for the whole order, naming the line that sets its date and why. */
export function orderReason(lines: readonly LinePromise[], today: DayNumber, nameOf: ItemNamer): string {
  const late = lines.filter((line) => !line.feasible);
  const pool = late.length > 0 ? late : lines;
  let index = 0;
  for (let at = 1; at < pool.length; at++) if (pool[at]!.promisedDate > pool[index]!.promisedDate) index = at;
  const line = pool[index]!;
  const name = `line ${lines.indexOf(line) + 1} (${line.qty} × ${nameOf(line.item)})`;
  if (line.limitedBy.kind === 'unknown-item') return capitalise(`${name} cannot be promised: ${line.limitedBy.message}.`);
  if (late.length === 0) {
    if (line.requestedDate === undefined) return capitalise(`${name} sets the earliest date, ${line.promisedDate}: ${line.limitedBy.message}.`);
    return capitalise(`every line can ship by its requested date; the latest is ${name} on ${line.promisedDate}: ${line.limitedBy.message}.`);
  }
  const past = line.requestedDate !== undefined && line.requestedDate < formatDay(today) ? ` (before today, ${formatDay(today)})` : '';
  return capitalise(`${name} cannot ship by the requested ${line.requestedDate}${past}; the earliest is ${line.promisedDate}: ${line.limitedBy.message}.`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
