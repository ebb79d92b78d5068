import type { FormSection } from '../../../engine/definitions/generated/definition-types.js';
import type { DesignField, DesignForm } from './field-model.js';

/**
 * What the canvas lists: the form's fields with its sections between them. The definition anchors a
 * section to the field it starts before; the canvas moves sections and fields as one list, and
 * `withItems` anchors each section again to whatever field now follows it.
 */
export type CanvasItem = { kind: 'field'; field: DesignField } | { kind: 'section'; section: FormSection };

export function itemId(item: CanvasItem): string {
  return item.kind === 'field' ? `field:${item.field.name}` : `section:${item.section.id}`;
}

export function canvasItems(model: DesignForm): CanvasItem[] {
  const sections = model.sections ?? [];
  const names = new Set(model.fields.map((field) => field.name));
  const items: CanvasItem[] = [];
  for (const field of model.fields) {
    for (const section of sections) if (section.before === field.name) items.push({ kind: 'section', section });
    items.push({ kind: 'field', field });
  }
  for (const section of sections) if (section.before === undefined || !names.has(section.before)) items.push({ kind: 'section', section });
  return items;
}

/** The model with the fields and sections of `items`, in that order. */
export function withItems(model: DesignForm, items: readonly CanvasItem[]): DesignForm {
  const fields = items.flatMap((item) => (item.kind === 'field' ? [item.field] : []));
  const sections = items.flatMap((item, index): FormSection[] => {
    if (item.kind !== 'section') return [];
    const next = items.slice(index + 1).find((candidate) => candidate.kind === 'field');
    const before = next?.kind === 'field' ? next.field.name : undefined;
    // An unchanged section stays the same object, so its canvas row does not render again.
    if (item.section.before === before) return [item.section];
    const { before: _previous, ...section } = item.section;
    return [before !== undefined ? { ...section, before } : section];
  });
  const next: DesignForm = { ...model, fields };
  if (sections.length > 0) next.sections = sections;
  else delete next.sections;
  return next;
}

/** A section id not taken yet: `section1`, `section2`, ... */
export function newSectionId(model: DesignForm): string {
  const taken = new Set((model.sections ?? []).map((section) => section.id));
  let n = 1;
  while (taken.has(`section${n}`)) n += 1;
  return `section${n}`;
}

/** The model with `item` put at `at` of the canvas list (the end when `at` is past it). */
export function insertItem(model: DesignForm, item: CanvasItem, at: number): DesignForm {
  const items = canvasItems(model);
  items.splice(Math.min(at, items.length), 0, item);
  return withItems(model, items);
}

/** The model without the field or section of `id`; a section that started at a removed field starts at the next one. */
export function removeItem(model: DesignForm, id: string): DesignForm {
  return withItems(model, canvasItems(model).filter((item) => itemId(item) !== id));
}

/** The model with the field or section of `id` moved `delta` places up (negative) or down the canvas. */
export function moveItemBy(model: DesignForm, id: string, delta: number): DesignForm {
  const items = canvasItems(model);
  const from = items.findIndex((item) => itemId(item) === id);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= items.length) return model;
  const [moved] = items.splice(from, 1);
  if (moved !== undefined) items.splice(to, 0, moved);
  return withItems(model, items);
}

/** The model with the field of `id` replaced by `next` in its place (a rename keeps its sections with it). */
export function replaceItemField(model: DesignForm, name: string, next: DesignField): DesignForm {
  return withItems(
    model,
    canvasItems(model).map((item): CanvasItem => (item.kind === 'field' && item.field.name === name ? { kind: 'field', field: next } : item)),
  );
}

/** A copy of a top-level field right below it, under a free key (`price2`) and labelled as a copy. */
export function duplicateField(model: DesignForm, name: string): { model: DesignForm; copy: string } | undefined {
  const items = canvasItems(model);
  const at = items.findIndex((item) => item.kind === 'field' && item.field.name === name);
  const original = items[at];
  if (original === undefined || original.kind !== 'field') return undefined;
  const taken = new Set(model.fields.map((field) => field.name));
  const base = name.replace(/\d+$/, '');
  let n = 2;
  while (taken.has(`${base}${n}`)) n += 1;
  const { label } = original.field;
  const copy: DesignField = { ...structuredClone(original.field), name: `${base}${n}`, label: { 'zh-CN': `${label['zh-CN']}（副本）`, en: `${label.en} (copy)` } };
  // Two lookups may not fill the same field, so the copy starts without the original's fill.
  if (copy.lookup?.fill !== undefined) delete copy.lookup.fill;
  items.splice(at + 1, 0, { kind: 'field', field: copy });
  return { model: withItems(model, items), copy: copy.name };
}
