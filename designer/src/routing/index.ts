export { formatRoute, INBOX_BOXES, parseRoute, PLANNING_VIEWS, SCHEDULING_VIEWS, type InboxBoxName, type PlanningView, type Route, type SchedulingView } from './route.js';
export { href, navigate, useRoute } from './use-route.js';
