export { createChromiumPrinter, DEFAULT_CHROMIUM_PATH, type PdfPage, type PdfPrinter } from './pdf-printer.js';
export { createPrintService, type PrintService, type PrintServiceDependencies, type PrintTemplateSummary } from './print-service.js';
export { createPrintTemplateRegistry, type PrintTemplateRegistry } from './print-template-registry.js';
