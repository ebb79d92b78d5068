import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';
import type { DisplayMap } from '../api/api-types.js';
import { fieldKind, fieldSchema } from '../forms/field-schema.js';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.js';
import { translate } from '../i18n/translate.js';
import { FACTORY_TIME_ZONE } from '../scheduling/factory-time.js';

/** The title of a `oneOf: [{const, title}]` choice, the way the form's select shows it. */
function choiceTitle(node: Readonly<Record<string, unknown>> | undefined, value: unknown): string | undefined {
  const options = node?.oneOf ?? node?.anyOf;
  if (!Array.isArray(options)) return undefined;
  for (const option of options) {
    if (typeof option === 'object' && option !== null && 'const' in option && option.const === value && 'title' in option && typeof option.title === 'string') {
      return option.title;
    }
  }
  return undefined;
}

export interface CellText {
  readonly text: string;
  readonly numeric: boolean;
}

/**
 * A stored value as list and history cells show it: lookups by their title, members and departments by
 * their names, a multiple choice by its labels, attachments by their file names, numbers and dates in
 * the locale's style, date-times on the factory's clock.
 */
export function valueText(definition: FormDefinition, path: string, value: unknown, locale: Locale, display?: DisplayMap): CellText {
  const node = fieldSchema(definition, path);
  const fieldType = fieldKind(node);
  const numeric = fieldType === 'number';
  if (value === undefined || value === null || value === '') return { text: translate(locale, 'value.empty'), numeric };
  const lookup = definition.lookups?.[path];
  if (lookup && typeof value === 'string') return { text: display?.[lookup.form]?.[value] ?? value, numeric: false };
  const kind = node?.['x-ordo-field'];
  if (kind === 'member' && typeof value === 'string') return { text: display?.['@users']?.[value] ?? value, numeric: false };
  if (kind === 'department' && typeof value === 'string') return { text: display?.['@departments']?.[value] ?? value, numeric: false };
  if (kind === 'attachments' && Array.isArray(value)) {
    const names = value.map((file) => (typeof file === 'object' && file !== null && typeof (file as { name?: unknown }).name === 'string' ? (file as { name: string }).name : ''));
    return { text: names.length > 3 ? translate(locale, 'value.files', { count: names.length }) : names.join(translate(locale, 'value.separator')), numeric: false };
  }
  const labels = definition.options?.[path];
  if (labels && Array.isArray(value)) {
    if (value.length === 0) return { text: translate(locale, 'value.empty'), numeric: false };
    return { text: value.map((item) => labels[String(item)]?.[locale] ?? String(item)).join(translate(locale, 'value.separator')), numeric: false };
  }
  if (typeof value === 'number') return { text: formatNumber(value, locale), numeric: true };
  if (typeof value === 'boolean') return { text: translate(locale, value ? 'value.yes' : 'value.no'), numeric: false };
  if (Array.isArray(value)) return { text: translate(locale, 'value.items', { count: value.length }), numeric: false };
  const choice = definition.options?.[path]?.[String(value)]?.[locale] ?? choiceTitle(node, value);
  if (choice !== undefined) return { text: choice, numeric: false };
  if (typeof value === 'string') {
    if (fieldType === 'date') return { text: formatDate(value, locale), numeric };
    if (fieldType === 'datetime') return { text: formatDateTime(value, locale, FACTORY_TIME_ZONE), numeric };
    return { text: value, numeric };
  }
  return { text: JSON.stringify(value), numeric: false };
}
