export { exceptionText, sortExceptions } from './exception-text.js';
export { buildPeggingGraph, MAX_PEGGING_NODES, whereUsed, type PeggingEdge, type PeggingGraph, type PeggingNode, type SupplyUse } from './pegging-graph.js';
export { indexPlan, plannedSalesOrders, salesOrderDemands, salesOrderResolver, type PlanIndex } from './plan-index.js';
export {
  filterPlannedOrders,
  nextPlannedOrderSort,
  NO_FILTER,
  PLANNED_ORDER_SORT_KEYS,
  plannedOrderRows,
  sortPlannedOrders,
  type PlannedOrderFilter,
  type PlannedOrderRow,
  type PlannedOrderSort,
  type PlannedOrderSortKey,
} from './planned-order-rows.js';
export { mayPlan, PLANNING_ROLES } from './planning-access.js';
export { PlanningPage } from './planning-page.js';
