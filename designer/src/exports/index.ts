export { ExportButtons, type ExportButtonsProps } from './export-buttons.js';
export { PrintButton, printPath } from './print-button.js';
export { saveFile } from './save-file.js';
export { recordExportPath } from './record-export-path.js';
