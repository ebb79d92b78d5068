export { cellText, toCsv } from './csv-export.js';
export { cellValue, EXPORT_FORMATS, type ExportColumn, type ExportColumnType, type ExportFormat, type ExportRow } from './export-table.js';
export { EXPORT_MAX_ROWS, exportRecords, type RecordExport } from './record-export.js';
export { exportReport } from './report-export.js';
export { toXlsx } from './xlsx-export.js';
