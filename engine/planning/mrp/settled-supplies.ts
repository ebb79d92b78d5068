import type { DayNumber } from '../calendar/index.js';
import type { PlanSupply } from '../generated/planning-types.js';
import type { SupplyRecord } from './item-records.js';
import type { SalesOrderCodes } from './sales-order-codes.js';

const KINDS: readonly PlanSupply['kind'][] = ['stock', 'purchase', 'production', 'planned-buy', 'planned-make', 'phantom'];
const KIND_CODES = new Map(KINDS.map((kind, code) => [kind, code]));

// One row of numbers per supply, fields at these offsets.
const QTY = 0;
const LEFT = 1;
const DATE = 2;
const ORDER = 3;
const KIND = 4;
const PAST_DUE = 5;
const ORDER_QTY = 6;
const START = 7;
const NEED = 8;
const FIELDS = 9;

/**
 * An item's supplies once it is planned, kept until it is replanned, for its headline, its
 * components' demand ids and its write-out. The planner works on a record per supply; kept, those
 * records (a record, its planned-order detail and their boxed numbers: about 300 bytes each, a third
 * of a million at 10k items) were most of what the garbage collector copied and marked. Here the
 * numbers are one typed array per item, off its heap. Stock and open supply come first and keep
 * their records, for their lot, location and released reservation.
 */
export class SettledSupplies {
  readonly length: number;
  readonly existing: readonly SupplyRecord[];
  private readonly ids: readonly string[];
  private readonly numbers: Float64Array;
  private readonly bomVersions: (string | undefined)[];

  constructor(
    private readonly codes: SalesOrderCodes,
    records: readonly SupplyRecord[],
  ) {
    const count = records.length;
    const numbers = new Float64Array(count * FIELDS);
    const ids: string[] = new Array(count);
    let existing = 0;
    for (let index = 0; index < count; index++) {
      const record = records[index]!;
      const planned = record.planned;
      if (planned === undefined && record.kind !== 'phantom' && existing === index) existing += 1;
      const at = index * FIELDS;
      ids[index] = record.id;
      numbers[at + QTY] = record.qty;
      numbers[at + LEFT] = record.left;
      numbers[at + DATE] = record.date;
      numbers[at + ORDER] = codes.code(record.salesOrder);
      numbers[at + KIND] = KIND_CODES.get(record.kind)!;
      numbers[at + PAST_DUE] = planned?.pastDue === true ? 1 : 0;
      if (planned !== undefined) {
        numbers[at + ORDER_QTY] = planned.orderQty;
        numbers[at + START] = planned.start;
        numbers[at + NEED] = planned.need;
      }
    }
    this.length = count;
    this.ids = ids;
    this.numbers = numbers;
    this.existing = records.slice(0, existing);
    this.bomVersions = [];
  }

  id(index: number): string {
    return this.ids[index]!;
  }

  kind(index: number): PlanSupply['kind'] {
    return KINDS[this.numbers[index * FIELDS + KIND]!]!;
  }

  /** Good quantity it brings (for planned orders: after scrap and yield). */
  qty(index: number): number {
    return this.numbers[index * FIELDS + QTY]!;
  }

  /** What its demands left of it. */
  left(index: number): number {
    return this.numbers[index * FIELDS + LEFT]!;
  }

  /** When it is available (SupplyRecord.date). */
  date(index: number): DayNumber {
    return this.numbers[index * FIELDS + DATE]!;
  }

  salesOrder(index: number): string | undefined {
    return this.codes.name(this.numbers[index * FIELDS + ORDER]!);
  }

  /** A planned order that should have started before the horizon start. */
  pastDue(index: number): boolean {
    return this.numbers[index * FIELDS + PAST_DUE] === 1;
  }

  /** A planned order's quantity in ordered units (before scrap and yield). */
  orderQty(index: number): number {
    return this.numbers[index * FIELDS + ORDER_QTY]!;
  }

  start(index: number): DayNumber {
    return this.numbers[index * FIELDS + START]!;
  }

  /** The day a planned order's demands need it. */
  need(index: number): DayNumber {
    return this.numbers[index * FIELDS + NEED]!;
  }

  /** The BOM version a planned make order explodes. */
  bomVersion(index: number): string | undefined {
    return this.bomVersions[index];
  }

  setBomVersion(index: number, version: string): void {
    this.bomVersions[index] = version;
  }
}
