import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { Locale } from '../../../engine/errors/index.js';
import type { DisplayMap } from '../api/api-types.js';
import { fieldKind, fieldSchema } from '../forms/field-schema.js';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format.js';
import { translate } from '../i18n/translate.js';

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

/** A stored value as list and history cells show it: lookups by their title, numbers and dates in the locale's style. */
export function valueText(definition: FormDefinition, path: string, value: unknown, locale: Locale, display?: DisplayMap): CellText {
  const node = fieldSchema(definition, path);
  const kind = fieldKind(node);
  const numeric = kind === 'number';
  if (value === undefined || value === null || value === '') return { text: translate(locale, 'value.empty'), numeric };
  const lookup = definition.lookups?.[path];
  if (lookup && typeof value === 'string') return { text: display?.[lookup.form]?.[value] ?? value, numeric: false };
  if (typeof value === 'number') return { text: formatNumber(value, locale), numeric: true };
  if (typeof value === 'boolean') return { text: translate(locale, value ? 'value.yes' : 'value.no'), numeric: false };
  if (Array.isArray(value)) return { text: translate(locale, 'value.items', { count: value.length }), numeric: false };
  const choice = definition.options?.[path]?.[String(value)]?.[locale] ?? choiceTitle(node, value);
  if (choice !== undefined) return { text: choice, numeric: false };
  if (typeof value === 'string') {
    if (kind === 'date') return { text: formatDate(value, locale), numeric };
    if (kind === 'datetime') return { text: formatDateTime(value, locale), numeric };
    return { text: value, numeric };
  }
  return { text: JSON.stringify(value), numeric: false };
}
