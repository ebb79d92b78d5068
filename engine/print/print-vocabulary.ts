import type { FormDefinition } from '../definitions/index.js';
import type { Locale } from '../errors/index.js';

/**
 * What the print helpers need to know about the printed form and the reader: labels and option
 * texts in the reader's language, and the names of records that lookup fields point at.
 */
export interface PrintVocabulary {
  readonly locale: Locale;
  /** IANA time zone for date-times (a factory prints in its own time, not the server's). */
  readonly timeZone: string;
  label(path: string): string;
  /** A choice's label; a multiple choice's labels joined by ", ". */
  option(path: string, value: unknown): string;
  /**
   * The display text of the record a lookup field holds, a member's display name, a department's
   * title or an attachment list's file names; the raw value when unknown.
   */
  display(path: string, value: unknown): string;
}

export const DEFAULT_PRINT_TIME_ZONE = 'Asia/Shanghai';

/** Lookup target form -> record id -> display text, as a record page carries it; also `@users` and `@departments`. */
export type DisplayNames = Readonly<Record<string, Readonly<Record<string, string>>>>;

export function formVocabulary(
  definition: FormDefinition,
  locale: Locale,
  display: DisplayNames,
  timeZone: string = DEFAULT_PRINT_TIME_ZONE,
): PrintVocabulary {
  const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
  return {
    locale,
    timeZone,
    label: (path) => own(definition.labels, path)?.[locale] ?? path,
    option: (path, value) => {
      const labels = own(definition.options, path);
      const one = (item: unknown) => (labels === undefined ? undefined : own(labels, text(item))?.[locale]) ?? text(item);
      return Array.isArray(value) ? value.map(one).join(', ') : one(value);
    },
    display: (path, value) => {
      const kind = own(definition.schema.properties, path)?.['x-ordo-field'];
      if (kind === 'attachments') return Array.isArray(value) ? value.map((file) => text((file as { name?: unknown } | null)?.name)).join(', ') : '';
      const key = kind === 'member' ? '@users' : kind === 'department' ? '@departments' : own(definition.lookups, path)?.form;
      const names = key === undefined ? undefined : own(display, key);
      return (names === undefined ? undefined : own(names, text(value))) ?? text(value);
    },
  };
}

// Keys come from templates and record data: only own properties count, never Object.prototype's.
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
