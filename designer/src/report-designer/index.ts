export { ReportDesignerPage } from './designer-page.js';
export { DesignerReportsPage } from './reports-page.js';
