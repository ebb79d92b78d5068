import type { FormDefinition } from '../../engine/definitions/index.js';
import { OrdoError, type Locale } from '../../engine/errors/index.js';
import { formVocabulary } from '../../engine/print/index.js';
import { mayReadField, type Actor, type RecordListQuery, type Services } from '../services/index.js';
import type { ExportColumn, ExportColumnType, ExportRow } from './export-table.js';

/**
 * The most rows one export holds. An export is read in one query and built in memory (about 300 bytes a row of a typical
 * form: 15 MB at the limit); past it the caller is asked to narrow the filters instead of getting a
 * silently cut file.
 */
export const EXPORT_MAX_ROWS = 50_000;

const SYSTEM_COLUMNS: readonly ExportColumn[] = [
  { key: 'createdAt', label: { 'zh-CN': '创建时间', en: 'Created at' }, type: 'datetime' },
  { key: 'createdByName', label: { 'zh-CN': '创建人', en: 'Created by' }, type: 'string' },
  { key: 'updatedAt', label: { 'zh-CN': '修改时间', en: 'Updated at' }, type: 'datetime' },
];

export interface RecordExport {
  columns: ExportColumn[];
  rows: ExportRow[];
  title: string;
}

/**
 * A record list as a table for CSV/XLSX: the list route's filters, search and sort and its
 * permissions (records.list checks read access and leaves out hidden fields), every top-level field
 * the actor may read (or those named in `fields`), option values and lookups as the texts people
 * see. Sub-tables are left out: one row per record.
 */
export async function exportRecords(
  services: Services,
  actor: Actor,
  formId: string,
  query: Omit<RecordListQuery, 'limit' | 'offset'>,
  locale: Locale,
  fields?: readonly string[],
  maxRows: number = EXPORT_MAX_ROWS,
): Promise<RecordExport> {
  const definition = services.definitions.form(formId).definition;
  const columns = [...dataColumns(definition, actor.roles, fields), ...(fields === undefined ? SYSTEM_COLUMNS : [])];
  // One read of at most maxRows + 1 records: one more than allowed tells that the export would be too large.
  const page = await services.records.list(actor, formId, { ...query, limit: maxRows + 1, offset: 0 }, { maxLimit: maxRows + 1 });
  if (page.total > maxRows) {
    throw new OrdoError('ORDO_ERR_EXPORT_TOO_LARGE', `${page.total} records match; an export holds at most ${maxRows}`, {
      extra: { limit: maxRows, total: page.total },
    });
  }
  const records = page.items;
  const display = page.display;
  const vocabulary = formVocabulary(definition, locale, display);
  const lookups = definition.lookups ?? {};
  const options = definition.options ?? {};
  const rows = records.map((record) => {
    const row: Record<string, unknown> = { createdAt: record.createdAt, createdByName: record.createdByName, updatedAt: record.updatedAt };
    for (const column of columns) {
      if (!Object.hasOwn(record.data, column.key)) continue;
      const value = record.data[column.key];
      if (Object.hasOwn(lookups, column.key) || definition.schema.properties[column.key]?.['x-ordo-field'] !== undefined) row[column.key] = vocabulary.display(column.key, value);
      else if (Object.hasOwn(options, column.key)) row[column.key] = vocabulary.option(column.key, value);
      else row[column.key] = value;
    }
    return row;
  });
  return { columns, rows, title: definition.title[locale] };
}

/** Top-level fields in the form's display order that the roles may read; sub-tables excluded. */
function dataColumns(definition: FormDefinition, roles: readonly string[], fields: readonly string[] | undefined): ExportColumn[] {
  const properties = definition.schema.properties;
  const order = (definition.uiSchema?.['ui:order'] as string[] | undefined)?.filter((field) => Object.hasOwn(properties, field)) ?? [];
  const all = [...new Set([...order, ...Object.keys(properties)])];
  const exportable = all.filter((field) => {
    const type = properties[field]?.type;
    // Multiple choices and attachments are lists, exported as one text; sub-tables are not.
    const listed = Object.hasOwn(definition.options ?? {}, field) || properties[field]?.['x-ordo-field'] === 'attachments';
    return ((type !== 'array' && type !== 'object') || listed) && mayReadField(definition, field, roles);
  });
  if (fields !== undefined) {
    const unknown = fields.filter((field) => !exportable.includes(field));
    if (unknown.length > 0) {
      throw new OrdoError('ORDO_ERR_REQUEST_INVALID', `/query/fields: ${unknown.join(', ')} cannot be exported from form ${definition.id}`, {
        fields: [{ pointer: '/query/fields', code: 'field', message: `not exportable fields of form ${definition.id}: ${unknown.join(', ')}` }],
      });
    }
  }
  return (fields ?? exportable).map((field) => ({
    key: field,
    label: definition.labels?.[field] ?? { 'zh-CN': field, en: field },
    type: columnType(definition, field),
  }));
}

function columnType(definition: FormDefinition, field: string): ExportColumnType {
  const schema = definition.schema.properties[field];
  if (Object.hasOwn(definition.options ?? {}, field) || Object.hasOwn(definition.lookups ?? {}, field) || schema?.['x-ordo-field'] !== undefined) return 'string';
  if (schema?.type === 'number' || schema?.type === 'integer') return 'number';
  if (schema?.type === 'string' && schema.format === 'date') return 'date';
  if (schema?.type === 'string' && schema.format === 'date-time') return 'datetime';
  return 'string';
}
