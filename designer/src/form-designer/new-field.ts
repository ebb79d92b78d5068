import { translate } from '../i18n/index.js';
import { hasOptions, type DesignField, type FieldType } from './field-model.js';

export const FIELD_NAME = /^[a-z][a-zA-Z0-9]*$/;

/** A field of the type with a free key (`number2`) and the type's name as its label in both languages. */
export function newField(type: FieldType, taken: readonly string[]): DesignField {
  let n = 1;
  while (taken.includes(`${type}${n}`)) n += 1;
  const field: DesignField = {
    name: `${type}${n}`,
    type,
    label: { 'zh-CN': translate('zh-CN', `designer.type.${type}`), en: translate('en', `designer.type.${type}`) },
    required: false,
  };
  if (type === 'text' || type === 'textarea') field.maxLength = type === 'text' ? 100 : 2000;
  if (type === 'lookup' || type === 'serial') field.maxLength = type === 'lookup' ? 64 : 40;
  if (hasOptions(type)) {
    field.options = [
      { value: 'option1', label: { 'zh-CN': '选项1', en: 'Option 1' } },
      { value: 'option2', label: { 'zh-CN': '选项2', en: 'Option 2' } },
    ];
  }
  if (type === 'serial') field.serial = { prefix: 'NO-{YYYY}-', digits: 4 };
  if (type === 'table') field.columns = [];
  if (type === 'attachments') field.extra = { maxItems: 9 };
  return field;
}

/** The keys of the fields after moving one from `from` to `to` (the drop target's place). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  const [moved] = result.splice(from, 1);
  if (moved !== undefined) result.splice(to, 0, moved);
  return result;
}
