import type { FormDefinition, PrintRelatedRecord, PrintTemplateDefinition } from '../../engine/definitions/index.js';
import type { LocalizedText } from '../../engine/definitions/index.js';
import type { Locale } from '../../engine/errors/index.js';
import { formVocabulary, type PrintContext } from '../../engine/print/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { lookupDisplay, mayUseForm, type Actor, type RecordDto, type Services } from '../services/index.js';
import { listRecords, type RecordCondition } from '../stores/index.js';
import type { PdfPrinter } from './pdf-printer.js';
import type { PrintTemplateRegistry } from './print-template-registry.js';

export interface PrintTemplateSummary {
  id: string;
  form: string;
  title: LocalizedText;
  paper: 'A4' | 'A5';
  orientation: 'portrait' | 'landscape';
}

export interface PrintService {
  /** Templates for forms the actor may read, of one form when `form` is given. */
  templates(actor: Actor, form?: string): PrintTemplateSummary[];
  html(actor: Actor, form: string, id: string, template: string, locale: Locale): Promise<string>;
  pdf(actor: Actor, form: string, id: string, template: string, locale: Locale): Promise<Buffer>;
}

export interface PrintServiceDependencies {
  services: Services;
  database: OrdoDatabase;
  registry: PrintTemplateRegistry;
  printer: PdfPrinter;
  now: () => Date;
}

/** How many candidates a related-record match looks at before choosing by `prefer`. */
const RELATED_CANDIDATES = 20;

/**
 * Renders a record through a print template as the actor sees it: reading the record checks the
 * actor's read access and leaves out the fields they may not see, so hidden fields are not printed;
 * related records come only from forms the actor may read, projected the same way.
 */
export function createPrintService(deps: PrintServiceDependencies): PrintService {
  const { services, database, registry, printer } = deps;

  function templates(actor: Actor, form?: string): PrintTemplateSummary[] {
    const readable = new Set(services.definitions.forms(actor).map((definition) => definition.id));
    return registry
      .list()
      .filter((definition) => readable.has(definition.form) && (form === undefined || definition.form === form))
      .map(summary);
  }

  async function html(actor: Actor, form: string, id: string, templateId: string, locale: Locale): Promise<string> {
    const { render, definition: template } = registry.get(form, templateId);
    const record = await services.records.get(actor, form, id);
    const definition = services.definitions.form(form).definition;
    const departmentTitle = (department: string) => services.definitions.app()?.departments?.find((candidate) => candidate.id === department)?.title[locale];
    const display = await lookupDisplay(database.db, definition, actor.roles, [record.data], (formId) => latestForm(formId), departmentTitle);
    const context: PrintContext = {
      record: {
        id: record.id,
        revision: record.revision,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        createdByName: record.createdByName,
        updatedByName: record.updatedByName,
      },
      data: record.data,
      related: await relatedRecords(actor, template, record),
      printedAt: deps.now().toISOString(),
      printedBy: actor.displayName,
    };
    return render[locale](context, formVocabulary(definition, locale, display));
  }

  async function pdf(actor: Actor, form: string, id: string, templateId: string, locale: Locale): Promise<Buffer> {
    const document = await html(actor, form, id, templateId, locale);
    const { definition } = registry.get(form, templateId);
    return printer.print(document, { paper: definition.paper ?? 'A4', orientation: definition.orientation ?? 'portrait' });
  }

  function latestForm(id: string): FormDefinition | undefined {
    try {
      return services.definitions.form(id).definition;
    } catch {
      return undefined;
    }
  }

  async function relatedRecords(actor: Actor, template: PrintTemplateDefinition, record: RecordDto): Promise<Record<string, Record<string, unknown> | null>> {
    const related: Record<string, Record<string, unknown> | null> = {};
    for (const entry of template.related ?? []) related[entry.as] = await relatedRecord(actor, entry, record.data);
    return related;
  }

  async function relatedRecord(actor: Actor, entry: PrintRelatedRecord, data: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    const target = latestForm(entry.form);
    if (target === undefined || !mayUseForm(target, actor.roles, 'read')) return null;
    const conditions: RecordCondition[] = [];
    for (const [targetField, sourceField] of Object.entries(entry.match)) {
      const value = Object.hasOwn(data, sourceField) ? data[sourceField] : undefined;
      // A match on a field the reader cannot see (absent from the projected data) finds nothing.
      if (value === undefined || value === null || value === '' || typeof value === 'object') return null;
      conditions.push({ type: 'filter', target: { kind: 'text', field: targetField }, op: 'eq', value: String(value) });
    }
    const { rows } = await listRecords(database.db, entry.form, {
      conditions,
      sort: { kind: 'time', column: 'updated_at', direction: 'desc' },
      limit: RELATED_CANDIDATES,
      offset: 0,
    });
    const compiled = services.definitions.form(entry.form);
    // Chosen among what the reader sees, so a hidden field cannot steer which record is printed.
    const visible = rows.map((row) => compiled.project(row.data, { roles: actor.roles }));
    const prefer = Object.entries(entry.prefer ?? {});
    return visible.find((candidate) => prefer.every(([field, value]) => candidate[field] === value)) ?? visible[0] ?? null;
  }

  return { templates, html, pdf };
}

function summary(definition: PrintTemplateDefinition): PrintTemplateSummary {
  return {
    id: definition.id,
    form: definition.form,
    title: definition.title,
    paper: definition.paper ?? 'A4',
    orientation: definition.orientation ?? 'portrait',
  };
}
