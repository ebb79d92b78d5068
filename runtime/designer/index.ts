export { createDesignerService, type DesignerFormEntry, type DesignerService, type FormDraft } from './draft-service.js';
