export { DesignerFormsPage } from './forms-page.js';
export { FormDesignerPage } from './designer-page.js';
export { mayDesign } from './design-access.js';
