export { WorkflowDesignerPage } from './workflow-designer-page.js';
export { DesignerWorkflowsPage } from './workflows-page.js';
