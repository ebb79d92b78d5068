export { createDesignerService, type DefinitionDraft, type DesignerEntry, type DesignerService, type DraftKind } from './draft-service.js';
