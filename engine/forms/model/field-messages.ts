import type { LocalizedText } from '../../definitions/generated/definition-types.js';
import type { Locale } from '../../errors/index.js';
import type { FieldNode } from './form-model.js';
import { getOwn } from './json-data.js';
import {
  FALLBACK_MESSAGE,
  FORMAT_NAMES,
  MESSAGE_CATALOGUE,
  TYPE_NAMES,
  UNNAMED_FIELD,
  type MessageTemplates,
} from './message-catalogue.js';

export type MessageParams = Readonly<Record<string, unknown>>;

function listSeparator(locale: Locale): string {
  return locale === 'zh-CN' ? '、' : ', ';
}

function formatParam(name: string, value: unknown, locale: Locale): string {
  if (name === 'type' && typeof value === 'string') {
    return value
      .split(',')
      .map((type) => TYPE_NAMES[type]?.[locale] ?? type)
      .join(locale === 'zh-CN' ? '或' : ' or ');
  }
  if (name === 'format' && typeof value === 'string') return FORMAT_NAMES[value]?.[locale] ?? value;
  if (Array.isArray(value)) return value.map((item: unknown) => formatParam('', item, locale)).join(listSeparator(locale));
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

function fill(template: string, label: string, params: MessageParams, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'label') return label;
    const value = getOwn(params, name);
    return value === undefined ? whole : formatParam(name, value, locale);
  });
}

/**
 * The message for one field error in `locale`: the definition's override for this field and
 * keyword when there is one, the catalogue's otherwise; both start with (or name) the field label.
 */
export function fieldMessage(
  keyword: string,
  params: MessageParams,
  locale: Locale,
  node: FieldNode | undefined,
  label?: string,
): string {
  const override = node === undefined ? undefined : (getOwn(node.messages, keyword) as LocalizedText | undefined);
  const catalogued = getOwn(MESSAGE_CATALOGUE, keyword) as MessageTemplates | undefined;
  const text = override?.[locale] ?? (catalogued ?? FALLBACK_MESSAGE)[locale];
  return fill(text, label ?? node?.label[locale] ?? UNNAMED_FIELD[locale], params, locale);
}
