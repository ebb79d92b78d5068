import type { FormDefinition } from '../../engine/definitions/generated/definition-types.js';

/**
 * The large form of issue 7's quality bar: 150 top-level fields in a repeating block of ten (text,
 * number, date, choice, text, number, yes/no, number, multi-line text, computed sum of the block's
 * three numbers), with rules (the block's text is required when its yes/no is ticked, its note is
 * hidden when the choice is "c"), plus a sub-table of lines with a computed amount per line and
 * computed totals over the lines. The typing bench and the large-form browser test both use it.
 */
export const LARGE_FORM_ID = 'large-form-bench';
export const LARGE_FORM_FIELDS = 150;
export const LARGE_FORM_LINES = 50;
/** Who may use the form: the demo's sales clerk (li.na) has this role. */
export const LARGE_FORM_ROLE = 'sales-clerk';

type Kind = 'text' | 'number' | 'date' | 'choice' | 'boolean' | 'textarea' | 'computed';
const BLOCK: readonly Kind[] = ['text', 'number', 'date', 'choice', 'text', 'number', 'boolean', 'number', 'textarea', 'computed'];

export function largeFieldName(index: number): string {
  return `f${String(index).padStart(3, '0')}`;
}

export function largeFieldKind(index: number): Kind {
  return BLOCK[(index - 1) % BLOCK.length] ?? 'text';
}

/** The numbers a block's computed field adds up (fields 2, 6 and 8 of its block of ten). */
export function largeSumInputs(computedIndex: number): readonly string[] {
  return [computedIndex - 8, computedIndex - 4, computedIndex - 2].map(largeFieldName);
}

/** The computed field that adds up a number field, if it is one. */
export function largeSumOf(index: number): string | undefined {
  if (largeFieldKind(index) !== 'number') return undefined;
  return largeFieldName(Math.ceil(index / BLOCK.length) * BLOCK.length);
}

function schemaOf(kind: Kind): Record<string, unknown> {
  switch (kind) {
    case 'number':
    case 'computed':
      return { type: 'number' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'choice':
      return { type: 'string', enum: ['a', 'b', 'c'], default: 'a' };
    case 'boolean':
      return { type: 'boolean', default: false };
    case 'textarea':
      return { type: 'string', maxLength: 2000 };
    default:
      return { type: 'string', maxLength: 200 };
  }
}

/** The form with `fields` top-level fields (a multiple of ten; 200 for the designer bench) under `id`. */
export function largeFormDefinition(fields = LARGE_FORM_FIELDS, id = LARGE_FORM_ID): FormDefinition {
  const properties: Record<string, unknown> = {};
  const uiSchema: Record<string, unknown> = {};
  const labels: Record<string, { 'zh-CN': string; en: string }> = {};
  const computed: Record<string, string> = {};
  const rules: { field: string; visible?: string; required?: string }[] = [];
  const order: string[] = [];
  for (let index = 1; index <= fields; index += 1) {
    const name = largeFieldName(index);
    const kind = largeFieldKind(index);
    properties[name] = schemaOf(kind);
    labels[name] = { 'zh-CN': `字段 ${index}`, en: `Field ${index}` };
    order.push(name);
    if (kind === 'textarea') {
      uiSchema[name] = { 'ui:widget': 'textarea' };
      rules.push({ field: name, visible: `${largeFieldName(index - 5)} <> "c"` });
    }
    if (kind === 'computed') computed[name] = largeSumInputs(index).join(' + ');
    if (kind === 'text' && (index - 1) % BLOCK.length === 4) rules.push({ field: name, required: largeFieldName(index + 2) });
  }
  properties['lines'] = {
    type: 'array',
    maxItems: LARGE_FORM_LINES,
    items: {
      type: 'object',
      additionalProperties: false,
      properties: {
        item: { type: 'string', maxLength: 64 },
        qty: { type: 'number', minimum: 0 },
        price: { type: 'number', minimum: 0 },
        amount: { type: 'number' },
      },
    },
  };
  properties['totalQty'] = { type: 'number' };
  properties['grandTotal'] = { type: 'number' };
  order.push('lines', 'totalQty', 'grandTotal');
  uiSchema['ui:order'] = order;
  uiSchema['lines'] = { items: { 'ui:order': ['item', 'qty', 'price', 'amount'] } };
  Object.assign(labels, {
    lines: { 'zh-CN': '明细', en: 'Lines' },
    'lines.item': { 'zh-CN': '物料', en: 'Item' },
    'lines.qty': { 'zh-CN': '数量', en: 'Quantity' },
    'lines.price': { 'zh-CN': '单价', en: 'Price' },
    'lines.amount': { 'zh-CN': '金额', en: 'Amount' },
    totalQty: { 'zh-CN': '总数量', en: 'Total quantity' },
    grandTotal: { 'zh-CN': '总金额', en: 'Grand total' },
  });
  computed['lines.amount'] = 'ROUND(qty * price, 2)';
  computed['totalQty'] = 'SUM(lines.qty)';
  computed['grandTotal'] = 'SUM(lines.amount)';
  return {
    kind: 'form',
    id,
    version: 1,
    title: { 'zh-CN': '大表单基准', en: 'Large form benchmark' },
    schema: { type: 'object', additionalProperties: false, properties },
    uiSchema,
    labels,
    computed,
    rules,
    access: { read: [LARGE_FORM_ROLE], create: [LARGE_FORM_ROLE], update: [LARGE_FORM_ROLE] },
    list: { columns: [largeFieldName(1), 'grandTotal'] },
    titleField: largeFieldName(1),
  } as FormDefinition;
}

export interface LargeLine {
  readonly item: string;
  readonly qty: number;
  readonly price: number;
}

/** The record the bench opens: every line filled with whole numbers, so totals are exact. */
export function largeFormLines(): LargeLine[] {
  return Array.from({ length: LARGE_FORM_LINES }, (_, line) => ({ item: `ITEM-${line + 1}`, qty: 1 + (line % 7), price: 10 + line }));
}

export function largeGrandTotal(lines: readonly LargeLine[]): number {
  return lines.reduce((sum, line) => sum + line.qty * line.price, 0);
}
