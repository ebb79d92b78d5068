/* This file is generated from engine/planning/schemas by `ordo gen-types`. Do not edit it:
 * change the schema and regenerate. A test fails when it is stale. */
/**
 * Everything mrp.plan needs, as one in-memory snapshot: items, BOMs, routings and work centers, stock, open supply and demand over a horizon. The runtime assembles it from records in a few bulk queries; `ordo mrp` reads it from a file.
 */
export interface MrpScenario {
  horizon: {
    /**
     * Today for the plan: nothing starts before it; supply due earlier counts as available at it.
     */
    start: string;
    /**
     * Demand due after it is reported, not planned.
     */
    end: string;
    /**
     * Requirements in one bucket are summed before lot sizing (1 = daily, 7 = weekly).
     */
    bucketDays?: number;
  };
  calendar?: PlanningCalendar;
  /**
   * @maxItems 1000000
   */
  items: MrpItem[];
  /**
   * @maxItems 1000000
   */
  boms: MrpBom[];
  /**
   * @maxItems 1000000
   */
  routings?: MrpRouting[];
  /**
   * @maxItems 100000
   */
  workCenters?: MrpWorkCenter[];
  /**
   * @maxItems 10000000
   */
  stock: MrpStock[];
  /**
   * @maxItems 10000000
   */
  supplies: MrpOpenSupply[];
  /**
   * @maxItems 10000000
   */
  demands: MrpDemand[];
}
/**
 * Working days used to offset lead times and to count capacity. Lead times are in working days.
 */
export interface PlanningCalendar {
  /**
   * ISO weekdays that are working days (1 = Monday ... 7 = Sunday). Default Monday to Friday.
   *
   * @maxItems 7
   */
  workdays?:
    | []
    | [number]
    | [number, number]
    | [number, number, number]
    | [number, number, number, number]
    | [number, number, number, number, number]
    | [number, number, number, number, number, number]
    | [number, number, number, number, number, number, number];
  /**
   * Days off that would otherwise be working days.
   *
   * @maxItems 5000
   *
   * Items: A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  holidays?: string[];
  /**
   * Days worked that would otherwise be off (调休 make-up days).
   *
   * @maxItems 5000
   *
   * Items: A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  extraWorkdays?: string[];
}
/**
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "MrpItem".
 */
export interface MrpItem {
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  id: string;
  name?: string;
  makeBuy: 'make' | 'buy';
  /**
   * Order-specific: supply planned for a sales order is reserved to it and never serves another order.
   */
  mto?: boolean;
  /**
   * Fixed lead time in working days (purchase or production).
   */
  leadTimeDays: number;
  /**
   * Added per unit of the order quantity; the total is rounded up to whole days.
   */
  leadTimePerUnitDays?: number;
  lotSizing?: LotSizing;
  /**
   * A floor on projected available stock, not an addition to requirements.
   */
  safetyStock?: number;
  /**
   * Assembly scrap: a planned order is raised so that what survives covers the need.
   */
  scrapPct?: number;
  /**
   * Process yield: a planned order of q yields q * yield% good units.
   */
  yieldPct?: number;
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  routing?: string;
}
/**
 * How net requirements become order quantities. min / max / multiple apply after the method.
 *
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "LotSizing".
 */
export interface LotSizing {
  method: 'lot-for-lot' | 'fixed' | 'min-max' | 'multiple' | 'period';
  /**
   * Fixed order quantity (fixed): one order per bucket of the smallest multiple of qty that covers the bucket's net requirement (max still splits it).
   */
  qty?: number;
  min?: number;
  /**
   * Largest single order; larger needs are split into several orders.
   */
  max?: number;
  multiple?: number;
  /**
   * Period order quantity: one order covers the net requirements of this many buckets.
   */
  periods?: number;
}
/**
 * One version of an item's bill of materials. The version effective on a planned order's start date is used.
 *
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "MrpBom".
 */
export interface MrpBom {
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  id: string;
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  item: string;
  version: string;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  effectiveFrom?: string;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  effectiveTo?: string;
  /**
   * @maxItems 10000
   */
  lines: MrpBomLine[];
}
/**
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "MrpBomLine".
 */
export interface MrpBomLine {
  lineNo: number;
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  component: string;
  qtyPer: number;
  /**
   * Component scrap: the requirement is qtyPer * (1 + scrap%).
   */
  scrapPct?: number;
  /**
   * A phantom assembly is not ordered: its stock is used first, then its own BOM is exploded into the parent's requirements.
   */
  phantom?: boolean;
  /**
   * This line is an alternative to the line with this number, used only when that component is short.
   */
  substituteFor?: number;
  /**
   * Among substitutes of one line, lower is tried first.
   */
  priority?: number;
  /**
   * Units of the substitute that replace one unit of the primary component.
   */
  ratio?: number;
}
/**
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "MrpRouting".
 */
export interface MrpRouting {
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  id: string;
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  item: string;
  /**
   * @maxItems 500
   */
  operations: {
    opNo: number;
    /**
     * An identifier chosen by the caller (an item code, a record id, an order line key).
     */
    workCenter: string;
    setupMinutes: number;
    /**
     * Per unit.
     */
    runMinutes: number;
    /**
     * Done by a subcontractor: a lead time, no internal capacity.
     */
    outsourced?: boolean;
    /**
     * Working days an outsourced operation takes.
     */
    leadDays?: number;
  }[];
}
/**
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "MrpWorkCenter".
 */
export interface MrpWorkCenter {
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  id: string;
  name?: string;
  /**
   * Available hours on each working day, all machines and shifts together, after efficiency.
   */
  dailyCapacityHours: number;
}
/**
 * On-hand stock of an item, by lot and location.
 *
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "MrpStock".
 */
export interface MrpStock {
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  item: string;
  qty: number;
  lot?: string;
  location?: string;
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  salesOrder?: string;
}
/**
 * An existing purchase or production order not yet received.
 *
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "MrpOpenSupply".
 */
export interface MrpOpenSupply {
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  id: string;
  kind: 'purchase' | 'production';
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  item: string;
  /**
   * Quantity still to be received.
   */
  qty: number;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  due: string;
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  salesOrder?: string;
  /**
   * Firm supply gets no reschedule or cancel messages (it is released to the shop or the supplier confirmed it).
   */
  firm?: boolean;
  /**
   * For production orders: the BOM version it builds; its components are dependent demand at the order's start.
   */
  bomVersion?: string;
  /**
   * For production orders: components already issued generate no further demand.
   */
  componentsIssued?: boolean;
}
/**
 * This interface was referenced by `MrpScenario`'s JSON-Schema
 * via the `definition` "MrpDemand".
 */
export interface MrpDemand {
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  id: string;
  kind: 'sales-order' | 'forecast';
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  item: string;
  qty: number;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  due: string;
  /**
   * An identifier chosen by the caller (an item code, a record id, an order line key).
   */
  salesOrder?: string;
  customer?: string;
  /**
   * Lower is more important: free stock goes to the more important demand first.
   */
  priority?: number;
  /**
   * A cancelled order's line is not planned; supply reserved or pegged to it is released and reported.
   */
  status?: 'open' | 'cancelled';
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  periodStart?: string;
}

/**
 * What mrp.plan returns. Every supply (stock, open and planned orders) and every demand (independent, dependent, safety stock) is listed once; `pegging` links them, so the planner can walk from a customer order down to each purchase order it depends on and back up. Arrays are sorted deterministically: the same scenario gives the same plan, byte for byte.
 */
export interface MrpPlan {
  horizon: {
    /**
     * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
     */
    start: string;
    /**
     * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
     */
    end: string;
    bucketDays: number;
  };
  plannedOrders: PlannedOrder[];
  supplies: PlanSupply[];
  demands: PlanDemand[];
  pegging: Peg[];
  rescheduleMessages: RescheduleMessage[];
  exceptions: PlanException[];
  summary: {
    /**
     * Items planned.
     */
    items: number;
    /**
     * Deepest low-level code + 1.
     */
    levels: number;
    plannedOrders: number;
    shortages: number;
    /**
     * Net-change only: items whose plan was recomputed.
     */
    replannedItems?: number;
  };
}
/**
 * This interface was referenced by `MrpPlan`'s JSON-Schema
 * via the `definition` "PlannedOrder".
 */
export interface PlannedOrder {
  /**
   * `PL/<item>/<bucket start>/<n>`: the first day of the bucket whose needs the order covers, and its place among that bucket's orders. Stable for the same scenario, and an order added in one bucket renames no order of another.
   */
  id: string;
  item: string;
  kind: 'make' | 'buy';
  qty: number;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  start: string;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  due: string;
  /**
   * For make orders: the BOM version effective at the start.
   */
  bomVersion?: string;
  /**
   * Order-specific supply: reserved to this sales order.
   */
  salesOrder?: string;
}
/**
 * This interface was referenced by `MrpPlan`'s JSON-Schema
 * via the `definition` "PlanSupply".
 */
export interface PlanSupply {
  /**
   * Planned and open orders keep their ids; stock is `STOCK/<item>/<n>`.
   */
  id: string;
  item: string;
  /**
   * phantom: the part of a phantom assembly's demand blown through to its components (`PHANTOM/<item>/<n>`), never ordered.
   */
  kind: 'stock' | 'purchase' | 'production' | 'planned-buy' | 'planned-make' | 'phantom';
  qty: number;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  date: string;
  salesOrder?: string;
  lot?: string;
  location?: string;
  /**
   * Free quantity left after all pegging (lot-size excess, stock nobody needs).
   */
  unpeggedQty?: number;
}
/**
 * This interface was referenced by `MrpPlan`'s JSON-Schema
 * via the `definition` "PlanDemand".
 */
export interface PlanDemand {
  /**
   * Independent demands keep their ids; dependent demand is `<parent supply id>/<BOM line no>`; safety stock is `SAFETY/<item>`.
   */
  id: string;
  item: string;
  kind: 'sales-order' | 'forecast' | 'dependent' | 'safety-stock';
  qty: number;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  due: string;
  /**
   * The sales order this demand serves (inherited down the BOM).
   */
  salesOrder?: string;
  /**
   * Dependent demand: the supply (planned or production order) whose BOM needs it.
   */
  parentSupply?: string;
  bomLine?: number;
  /**
   * Served by a substitute: the primary component it replaces.
   */
  substituteFor?: string;
  /**
   * Quantity not covered by any supply on time.
   */
  shortQty?: number;
}
/**
 * This interface was referenced by `MrpPlan`'s JSON-Schema
 * via the `definition` "Peg".
 */
export interface Peg {
  supply: string;
  demand: string;
  qty: number;
}
/**
 * This interface was referenced by `MrpPlan`'s JSON-Schema
 * via the `definition` "RescheduleMessage".
 */
export interface RescheduleMessage {
  supply: string;
  item: string;
  action: 'expedite' | 'defer' | 'cancel' | 'reduce';
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  date: string;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  to?: string;
  /**
   * reduce: the quantity still needed.
   */
  qty?: number;
  reason: string;
}
/**
 * This interface was referenced by `MrpPlan`'s JSON-Schema
 * via the `definition` "PlanException".
 */
export interface PlanException {
  type:
    | 'shortage'
    | 'past-due-start'
    | 'bom-cycle'
    | 'missing-bom'
    | 'missing-routing'
    | 'unknown-item'
    | 'out-of-horizon'
    | 'released-by-cancellation';
  item?: string;
  /**
   * bom-cycle: the items of the cycle in order, the first repeated at the end.
   */
  items?: string[];
  demand?: string;
  supply?: string;
  salesOrder?: string;
  /**
   * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
   */
  date?: string;
  qty?: number;
  /**
   * English text for logs and the CLI; the web app renders its own from the fields.
   */
  message: string;
}

/**
 * ctp.promise input: the lines of a new or changed order. Planned against the committed plan as if it were the last, most recent demand (an inquiry reserves nothing).
 */
export interface CtpRequest {
  /**
   * The order asking; its own demands already in the plan are left out, so a re-check does not compete with itself.
   */
  salesOrder?: string;
  /**
   * For lines without their own requested date.
   */
  requestedDate?: string;
  /**
   * @minItems 1
   * @maxItems 200
   */
  lines: [
    {
      /**
       * An identifier chosen by the caller (an item code, a record id, an order line key).
       */
      item: string;
      qty: number;
      /**
       * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
       */
      requestedDate?: string;
    },
    ...{
      /**
       * An identifier chosen by the caller (an item code, a record id, an order line key).
       */
      item: string;
      qty: number;
      /**
       * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
       */
      requestedDate?: string;
    }[]
  ];
}

/**
 * ctp.promise output: the earliest date each line and the whole order can ship, what limits it, and what would be needed to meet the requested date.
 */
export interface CtpPromise {
  /**
   * The order ships complete: the latest of the lines' dates.
   */
  promisedDate: string;
  /**
   * Every line can ship by its requested date.
   */
  feasible: boolean;
  /**
   * One sentence for the order: the line, component or work center that sets the date.
   */
  reason: string;
  lines: {
    item: string;
    qty: number;
    /**
     * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
     */
    requestedDate?: string;
    /**
     * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
     */
    promisedDate: string;
    feasible: boolean;
    /**
     * What sets the promised date: stock on hand (none), a component's lead time or late supply, a work center's load, or the order's own lead time.
     */
    limitedBy: {
      kind: 'stock' | 'material' | 'capacity' | 'lead-time' | 'unknown-item';
      item?: string;
      workCenter?: string;
      /**
       * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
       */
      date?: string;
      message: string;
    };
    /**
     * To meet the requested date: component quantity short by a date, or work center hours over capacity by a date.
     */
    needed: {
      kind: 'material' | 'capacity';
      item?: string;
      workCenter?: string;
      qty?: number;
      hours?: number;
      /**
       * A calendar day, ISO 8601 (YYYY-MM-DD). Planning works in whole days.
       */
      by: string;
    }[];
  }[];
}

/**
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "ScheduleId".
 */
export type ScheduleId = string;
/**
 * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
 *
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "DateTime".
 */
export type DateTime = string;

/**
 * schedule.plan input: the factory (work centers, machines, shift calendars) and the production orders to schedule. Times are ISO date-times; inside, whole minutes from `origin`.
 */
export interface ScheduleRequest {
  /**
   * Minute 0 of the schedule; no calendar window before it is used.
   */
  origin: string;
  /**
   * Nothing that is not fixed starts before this. Default: origin.
   */
  now?: string;
  /**
   * When a current schedule is given (insert, reschedule): operations starting before now + frozenHours stay where they are.
   */
  frozenHours?: number;
  /**
   * Local time of the shift windows and holidays, as an offset from UTC (no daylight saving changes). Default 0.
   */
  utcOffsetMinutes?: number;
  /**
   * @minItems 1
   * @maxItems 200
   */
  calendars: [ShiftCalendar, ...ShiftCalendar[]];
  /**
   * @minItems 1
   * @maxItems 1000
   */
  workCenters: [WorkCenter, ...WorkCenter[]];
  /**
   * @maxItems 5000
   */
  orders: ProductionOrder[];
  limits?: SolveLimits;
}
/**
 * Working windows per weekday, holidays and extra windows (overtime). Work may stop at a break and continue in the next window.
 *
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "ShiftCalendar".
 */
export interface ShiftCalendar {
  id: ScheduleId;
  /**
   * @maxItems 100
   */
  shifts: {
    /**
     * ISO weekdays (1 = Monday ... 7 = Sunday) the shift starts on.
     *
     * @minItems 1
     * @maxItems 7
     */
    days:
      | [number]
      | [number, number]
      | [number, number, number]
      | [number, number, number, number]
      | [number, number, number, number, number]
      | [number, number, number, number, number, number]
      | [number, number, number, number, number, number, number];
    from: string;
    /**
     * Local time the shift ends; at or before `from` it ends on the next day.
     */
    to: string;
  }[];
  /**
   * Local days without the weekly shifts.
   *
   * @maxItems 5000
   */
  holidays?: string[];
  /**
   * Working time on top of the shifts (overtime, a Saturday).
   *
   * @maxItems 5000
   */
  extraWindows?: TimeWindow[];
}
/**
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "TimeWindow".
 */
export interface TimeWindow {
  from: DateTime;
  to: DateTime;
}
/**
 * Either `count` identical machines (named <id>-1, <id>-2, ...) or named `machines`, alternatives with speed factors.
 *
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "WorkCenter".
 */
export interface WorkCenter {
  id: ScheduleId;
  calendar: ScheduleId;
  count?: number;
  /**
   * @minItems 1
   * @maxItems 1000
   */
  machines?: [Machine, ...Machine[]];
  /**
   * Sequence-dependent setups by product family; pairs not listed take the operation's own setupMinutes.
   *
   * @maxItems 10000
   */
  setups?: SetupTime[];
}
/**
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "Machine".
 */
export interface Machine {
  id: ScheduleId;
  /**
   * Run time is divided by this (setup time is not). Default 1.
   */
  speed?: number;
  /**
   * Default: the work center's calendar.
   */
  calendar?: string;
  /**
   * Planned downtime: no work in these windows.
   *
   * @maxItems 5000
   */
  maintenance?: TimeWindow[];
  /**
   * Working time of this machine only, on top of its calendar.
   *
   * @maxItems 5000
   */
  extraWindows?: TimeWindow[];
}
/**
 * Setup minutes on this work center when an operation of family `to` follows one of family `from`.
 *
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "SetupTime".
 */
export interface SetupTime {
  from: ScheduleId;
  to: ScheduleId;
  minutes: number;
}
/**
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "ProductionOrder".
 */
export interface ProductionOrder {
  id: ScheduleId;
  /**
   * Product family, for sequence-dependent setups.
   */
  family?: string;
  qty: number;
  /**
   * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
   */
  release?: string;
  due?: DateTime;
  /**
   * Priority: weight of this order's tardiness. Default 1.
   */
  weight?: number;
  /**
   * The order this sub-assembly goes into: it finishes before the parent's operation `parentOperation` (default its first) starts.
   */
  parent?: string;
  parentOperation?: ScheduleId;
  /**
   * @minItems 1
   * @maxItems 200
   */
  operations: [RoutingOperation, ...RoutingOperation[]];
}
/**
 * An operation of an order's routing: on a work center (setup plus run per unit, in working minutes) or outsourced (a lead time in elapsed hours, no internal capacity).
 *
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "RoutingOperation".
 */
export interface RoutingOperation {
  id: ScheduleId;
  workCenter?: ScheduleId;
  /**
   * Only these machines of the work center can do it.
   *
   * @minItems 1
   * @maxItems 1000
   */
  machines?: [ScheduleId, ...ScheduleId[]];
  setupMinutes?: number;
  runMinutesPerUnit?: number;
  outsourcedLeadHours?: number;
  fixed?: FixedPlacement;
}
/**
 * A started or locked operation: it stays on this machine at this start. `end` when known (an operation that finished), else computed from the calendar. An outsourced operation has no machine.
 *
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "FixedPlacement".
 */
export interface FixedPlacement {
  machine?: ScheduleId;
  start: DateTime;
  end?: DateTime;
}
/**
 * This interface was referenced by `ScheduleRequest`'s JSON-Schema
 * via the `definition` "SolveLimits".
 */
export interface SolveLimits {
  seed?: number;
  /**
   * Deterministic: the same seed and iterations give the same schedule. Default 2000 when no time limit is given.
   */
  maxIterations?: number;
  timeLimitSeconds?: number;
}

/**
 * schedule.plan output: every operation with its machine and times, each order's finish, and the KPIs.
 */
export interface ScheduleResult {
  operations: PlannedOperation[];
  orders: OrderFinish[];
  kpis: ScheduleKpis;
  /**
   * How the schedule was found: the dispatch schedule's figures and the search's, both measured by the calendar-exact decoder.
   */
  search?: {
    dispatchWeightedTardiness: number;
    dispatchMakespanMinutes: number;
    iterations: number;
    chosen: 'dispatch' | 'search';
  };
}
/**
 * This interface was referenced by `ScheduleResult`'s JSON-Schema
 * via the `definition` "PlannedOperation".
 */
export interface PlannedOperation {
  order: string;
  operation: string;
  /**
   * Absent for an outsourced operation.
   */
  workCenter?: string;
  /**
   * Absent for an outsourced operation.
   */
  machine?: string;
  /**
   * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
   */
  start: string;
  /**
   * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
   */
  end: string;
  setupMinutes: number;
  /**
   * Ends after its order's due date.
   */
  late: boolean;
  /**
   * Started, locked or in the frozen window: not moved.
   */
  fixed: boolean;
}
/**
 * This interface was referenced by `ScheduleResult`'s JSON-Schema
 * via the `definition` "OrderFinish".
 */
export interface OrderFinish {
  order: string;
  /**
   * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
   */
  finish: string;
  /**
   * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
   */
  due?: string;
  lateMinutes: number;
}
/**
 * This interface was referenced by `ScheduleResult`'s JSON-Schema
 * via the `definition` "ScheduleKpis".
 */
export interface ScheduleKpis {
  /**
   * Sum over orders of weight x minutes late.
   */
  weightedTardiness: number;
  /**
   * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
   */
  makespan: string;
  /**
   * Minutes from origin to the makespan.
   */
  makespanMinutes: number;
  ordersLate: {
    order: string;
    lateMinutes: number;
  }[];
  /**
   * Per work center: working minutes booked over working minutes available between now and the makespan.
   */
  utilisation: {
    workCenter: string;
    busyMinutes: number;
    availableMinutes: number;
    utilisation: number;
  }[];
}

/**
 * schedule.insert input: the factory and its orders as planned, the current schedule of those orders, and one order to add (a rush order).
 */
export interface ScheduleInsertRequest {
  request: ScheduleRequest;
  /**
   * The committed schedule: one entry per operation of request.orders.
   *
   * @maxItems 100000
   */
  current: PlannedOperation[];
  order: ProductionOrder;
}
/**
 * This interface was referenced by `ScheduleRescheduleRequest`'s JSON-Schema
 * via the `definition` "ShopEvent".
 */
export type ShopEvent =
  | {
      kind: 'breakdown';
      /**
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "ScheduleId".
       */
      machine: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       *
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "DateTime".
       */
      from: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       *
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "DateTime".
       */
      until: string;
    }
  | {
      kind: 'finished';
      /**
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "ScheduleId".
       */
      order: string;
      /**
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "ScheduleId".
       */
      operation: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       *
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "DateTime".
       */
      end: string;
    };

/**
 * schedule.reschedule input: the current schedule and what happened on the shop floor. Started operations and those in the frozen window stay; the rest is scheduled again.
 */
export interface ScheduleRescheduleRequest {
  request: ScheduleRequest;
  /**
   * @maxItems 100000
   */
  current: PlannedOperation[];
  /**
   * @maxItems 1000
   */
  events: ShopEvent[];
}
/**
 * schedule.insert and schedule.reschedule output: the new schedule, every operation that moved and every order whose finish changed.
 */
export interface ScheduleRepair {
  schedule: ScheduleResult;
  moved: {
    order: string;
    operation: string;
    from: Placement;
    to: Placement;
  }[];
  finishChanged: {
    order: string;
    /**
     * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
     */
    before: string;
    /**
     * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
     */
    after: string;
  }[];
}
/**
 * This interface was referenced by `ScheduleRepair`'s JSON-Schema
 * via the `definition` "Placement".
 */
export interface Placement {
  machine?: string;
  /**
   * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
   */
  start: string;
  /**
   * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
   */
  end: string;
}

/**
 * This interface was referenced by `ScheduleWhatIfRequest`'s JSON-Schema
 * via the `definition` "ScenarioChange".
 */
export type ScenarioChange =
  | {
      kind: 'rush-order';
      order: ProductionOrder;
    }
  | {
      kind: 'machine-down';
      /**
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "ScheduleId".
       */
      machine: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       *
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "DateTime".
       */
      from: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       *
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "DateTime".
       */
      to: string;
    }
  | {
      kind: 'overtime';
      /**
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "ScheduleId".
       */
      workCenter?: string;
      /**
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "ScheduleId".
       */
      machine?: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       *
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "DateTime".
       */
      from: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       *
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "DateTime".
       */
      to: string;
    }
  | {
      kind: 'material-late';
      /**
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "ScheduleId".
       */
      order: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       *
       * This interface was referenced by `ScheduleRequest`'s JSON-Schema
       * via the `definition` "DateTime".
       */
      release: string;
    };

/**
 * schedule.whatif input: a base request and the changes of one scenario. Both are planned with the same seed and limits; nothing is committed.
 */
export interface ScheduleWhatIfRequest {
  request: ScheduleRequest;
  /**
   * @minItems 1
   * @maxItems 100
   */
  changes: [ScenarioChange, ...ScenarioChange[]];
}
/**
 * schedule.whatif output: the base and the scenario schedules and their comparison side by side.
 */
export interface ScheduleWhatIfResult {
  base: ScheduleResult;
  scenario: ScheduleResult;
  comparison: {
    weightedTardiness: Pair;
    makespanMinutes: Pair;
    ordersLate: Pair;
    utilisation: {
      workCenter: string;
      base: number;
      scenario: number;
    }[];
    /**
     * Per order: finish in each schedule and the difference in minutes (absent on the side without the order).
     */
    orders: {
      order: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       */
      baseFinish?: string;
      /**
       * An ISO 8601 date-time with seconds optional and a zone (Z or +hh:mm).
       */
      scenarioFinish?: string;
      deltaMinutes?: number;
    }[];
  };
}
/**
 * This interface was referenced by `ScheduleWhatIfResult`'s JSON-Schema
 * via the `definition` "Pair".
 */
export interface Pair {
  base: number;
  scenario: number;
}
