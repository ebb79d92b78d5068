export { placeOf, type CanvasDiagnostic, type CanvasPlace } from './canvas-diagnostic.js';
export { diagnoseWorkflowDraft, type PublishedDefinitions } from './diagnose-workflow-draft.js';
