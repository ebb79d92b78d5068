export { formatRoute, parseRoute, type Route } from './route.js';
export { href, navigate, useRoute } from './use-route.js';
