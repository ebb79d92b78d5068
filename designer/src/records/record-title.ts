import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { OrdoRecord } from '../api/index.js';

/** How a record is named in headings: its title field's value, else its id. */
export function recordTitle(definition: FormDefinition, record: Pick<OrdoRecord, 'id' | 'data'>): string {
  const value = definition.titleField ? record.data[definition.titleField] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : record.id;
}
