export { generatedTypesFile, renderDefinitionTypes } from './definition-types.js';
