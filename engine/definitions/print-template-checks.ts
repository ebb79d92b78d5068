import { printTemplateProblem } from '../print/index.js';
import type { LocatedForm } from './cross-checks.js';
import type { DefinitionProblem } from './definition-problem.js';
import type { PrintTemplateDefinition } from './generated/definition-types.js';
import { escapePointer } from './meta-schema-validator.js';

/** A print template definition with the text of its handlebars file per language. */
export interface LoadedPrintTemplate {
  readonly definition: PrintTemplateDefinition;
  readonly sources: { readonly 'zh-CN': string; readonly en: string };
}

/**
 * Checks each print template against what it names: its form and related forms and their fields,
 * and its handlebars files, which must exist beside it and compile with the known helpers.
 */
export function checkPrintTemplates(
  templates: readonly { file: string; definition: PrintTemplateDefinition }[],
  resources: ReadonlyMap<string, string>,
  forms: readonly LocatedForm[],
): { loaded: { file: string; template: LoadedPrintTemplate }[]; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const loaded: { file: string; template: LoadedPrintTemplate }[] = [];
  const formsById = new Map(forms.map((form) => [form.definition.id, form]));
  const seen = new Map<string, string>();
  for (const { file, definition } of templates) {
    const add = (pointer: string, message: string) => problems.push({ file, pointer, message });
    const first = seen.get(definition.id);
    if (first !== undefined) add('/id', `print template "${definition.id}" is also defined in ${first}`);
    seen.set(definition.id, first ?? file);

    const form = formsById.get(definition.form);
    if (form === undefined) add('/form', `no form "${definition.form}" is defined`);
    (definition.related ?? []).forEach((related, r) => {
      const target = formsById.get(related.form);
      if (target === undefined) return add(`/related/${r}/form`, `no form "${related.form}" is defined`);
      for (const [targetField, sourceField] of Object.entries(related.match)) {
        const pointer = `/related/${r}/match/${escapePointer(targetField)}`;
        if (target.fieldPaths?.has(targetField) === false) add(pointer, `form "${related.form}" has no field "${targetField}"`);
        if (form?.fieldPaths?.has(sourceField) === false) add(pointer, `form "${definition.form}" has no field "${sourceField}"`);
      }
      for (const field of Object.keys(related.prefer ?? {})) {
        if (target.fieldPaths?.has(field) === false) add(`/related/${r}/prefer/${escapePointer(field)}`, `form "${related.form}" has no field "${field}"`);
      }
    });

    const sources: Partial<Record<'zh-CN' | 'en', string>> = {};
    for (const locale of ['zh-CN', 'en'] as const) {
      const name = definition.templates[locale];
      const path = `${folderOf(file)}${name}`;
      const source = resources.get(path);
      if (source === undefined) {
        add(`/templates/${locale}`, `no file ${path}`);
        continue;
      }
      const problem = printTemplateProblem(source);
      if (problem !== undefined) add(`/templates/${locale}`, `${name}: ${problem}`);
      else sources[locale] = source;
    }
    if (sources['zh-CN'] !== undefined && sources.en !== undefined) {
      loaded.push({ file, template: { definition, sources: { 'zh-CN': sources['zh-CN'], en: sources.en } } });
    }
  }
  return { loaded, problems };
}

/** `a/b/print.json` -> `a/b/`; paths use `/` as the definition reader gives them. */
function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '' : file.slice(0, cut + 1);
}
