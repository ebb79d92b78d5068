export { formatRoute, INBOX_BOXES, parseRoute, PLANNING_VIEWS, type InboxBoxName, type PlanningView, type Route } from './route.js';
export { href, navigate, useRoute } from './use-route.js';
