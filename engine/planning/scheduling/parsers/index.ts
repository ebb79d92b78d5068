import type { ShopModel } from '../model/index.js';
import { parseFjs } from './fjs.js';
import { parseJsplib } from './jsplib.js';

export { parseFjs } from './fjs.js';
export { parseJsplib } from './jsplib.js';

export type InstanceFormat = 'jsplib' | 'fjs';

export function parseInstance(text: string, format: InstanceFormat): ShopModel {
  return format === 'fjs' ? parseFjs(text) : parseJsplib(text);
}
