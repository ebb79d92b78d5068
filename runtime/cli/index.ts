export { runCli } from './main.js';
export { readDefinitionDir } from './read-definition-dir.js';
export { loadDefinitions, type LoadedDefinitions } from './load-definitions.js';
