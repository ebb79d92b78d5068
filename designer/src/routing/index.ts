export { formatRoute, INBOX_BOXES, parseRoute, type InboxBoxName, type Route } from './route.js';
export { href, navigate, useRoute } from './use-route.js';
