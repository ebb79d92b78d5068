import type { LoadedPrintTemplate, PrintTemplateDefinition } from '../../engine/definitions/index.js';
import { OrdoError, type Locale } from '../../engine/errors/index.js';
import { compilePrintTemplate, type PrintTemplate } from '../../engine/print/index.js';

/** The print templates a server offers, compiled once when the server starts. */
export interface PrintTemplateRegistry {
  list(): readonly PrintTemplateDefinition[];
  /** The template `id` for records of `form`; 404 when there is none or it prints another form. */
  get(form: string, id: string): { definition: PrintTemplateDefinition; render: Record<Locale, PrintTemplate> };
}

export function createPrintTemplateRegistry(templates: readonly LoadedPrintTemplate[]): PrintTemplateRegistry {
  const byId = new Map(
    templates.map(({ definition, sources }) => [
      definition.id,
      { definition, render: { 'zh-CN': compilePrintTemplate(sources['zh-CN']), en: compilePrintTemplate(sources.en) } },
    ]),
  );
  const definitions = [...byId.values()].map((entry) => entry.definition).sort((a, b) => a.id.localeCompare(b.id));
  return {
    list: () => definitions,
    get(form, id) {
      const entry = byId.get(id);
      if (entry === undefined || entry.definition.form !== form) {
        throw new OrdoError('ORDO_ERR_PRINT_TEMPLATE_NOT_FOUND', `No print template ${id} for form ${form}`);
      }
      return entry;
    },
  };
}
