import type { FieldWidth, FormDefinition, LocalizedText } from '../../definitions/generated/definition-types.js';
import type { Locale } from '../../errors/index.js';
import type { DefinitionProblems } from './definition-problems.js';
import type { FieldShape } from './field-discovery.js';
import { isPlainObject, pointerOf } from './json-data.js';

/** A section as the renderer draws it: its title in one language, and the rendered field it starts at. */
export interface RenderedSection {
  readonly id: string;
  readonly title?: string;
  /** The first rendered field of the section; absent when no rendered field follows it. */
  readonly before?: string;
}

/**
 * Sections and widths name top-level fields only: a sub-table's columns sit in its table, not in rows
 * of the form. Every problem is reported, like the rest of the form's checks.
 */
export function checkLayout(definition: FormDefinition, field: (path: string, pointer: string) => FieldShape | undefined, problems: DefinitionProblems): void {
  const layout = definition.layout;
  if (layout === undefined) return;
  const topLevel = (path: string, pointer: string) => {
    const shape = field(path, pointer);
    if (shape !== undefined && shape.subTable !== undefined) problems.add(pointer, 'layoutField', `"${path}" is a column of a sub-table; sections and widths are for top-level fields`);
  };
  const seen = new Set<string>();
  (layout.sections ?? []).forEach((section, index) => {
    if (seen.has(section.id)) problems.add(pointerOf('layout', 'sections', index, 'id'), 'layoutSection', `section id "${section.id}" is used twice`);
    seen.add(section.id);
    if (section.before !== undefined) topLevel(section.before, pointerOf('layout', 'sections', index, 'before'));
  });
  for (const path of isPlainObject(layout.widths) ? Object.keys(layout.widths) : []) topLevel(path, pointerOf('layout', 'widths', path));
}

/** The order rjsf renders top-level fields in: `ui:order` (with `*` standing for the rest), then the others. */
export function renderOrder(names: readonly string[], uiOrder: unknown): string[] {
  if (!Array.isArray(uiOrder)) return [...names];
  const listed = uiOrder.filter((name): name is string => typeof name === 'string');
  const rest = names.filter((name) => !listed.includes(name));
  const ordered = listed.flatMap((name) => (name === '*' ? rest : names.includes(name) ? [name] : []));
  return listed.includes('*') ? ordered : [...ordered, ...rest];
}

/**
 * Places each section at the first field at or after its `before` that is rendered: a section stays where
 * it was designed when the reader may not see its first field.
 */
export function renderedSections(definition: FormDefinition, order: readonly string[], rendered: ReadonlySet<string>, locale: Locale): RenderedSection[] {
  return (definition.layout?.sections ?? []).map((section) => {
    const start = section.before === undefined ? -1 : order.indexOf(section.before);
    const before = start === -1 ? undefined : order.slice(start).find((name) => rendered.has(name));
    const title = sectionTitle(section.title, locale);
    return { id: section.id, ...(title === undefined ? {} : { title }), ...(before === undefined ? {} : { before }) };
  });
}

function sectionTitle(title: LocalizedText | undefined, locale: Locale): string | undefined {
  const text = title?.[locale];
  return text === undefined || text === '' ? undefined : text;
}

export function widthOf(definition: FormDefinition, name: string): FieldWidth | undefined {
  const widths = definition.layout?.widths;
  return isPlainObject(widths) && Object.hasOwn(widths, name) ? widths[name] : undefined;
}
