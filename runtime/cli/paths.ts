import { fileURLToPath } from 'node:url';

/** Folders of the Ordo package itself, found from this file so the command works from any cwd. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const shippedDefinitionsDir = fileURLToPath(new URL('../../definitions/', import.meta.url));
export const demoDir = fileURLToPath(new URL('../../definitions/mto/demo/', import.meta.url));
export const webRoot = fileURLToPath(new URL('../web-dist/', import.meta.url));
