export { migrations } from './migration-list.js';
