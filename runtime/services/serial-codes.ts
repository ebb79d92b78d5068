import type { FormDefinition } from '../../engine/definitions/index.js';
import { nextSerial, type Executor } from '../stores/index.js';

/** `{YYYY}`, `{YY}` and `{MM}` in a serial prefix, from the creation date (the server's time zone). */
export function expandSerialPrefix(prefix: string, at: Date): string {
  const year = String(at.getFullYear());
  const month = String(at.getMonth() + 1).padStart(2, '0');
  return prefix.replaceAll('{YYYY}', year).replaceAll('{YY}', year.slice(-2)).replaceAll('{MM}', month);
}

/** Draws the next code of every serial field of the form, inside the caller's transaction. */
export async function assignSerials(db: Executor, definition: FormDefinition, at: Date): Promise<Record<string, string>> {
  const codes: Record<string, string> = {};
  for (const [field, serial] of Object.entries(definition.serials ?? {})) {
    const prefix = expandSerialPrefix(serial.prefix, at);
    const value = await nextSerial(db, { form: definition.id, field, prefix });
    codes[field] = `${prefix}${String(value).padStart(serial.digits, '0')}`;
  }
  return codes;
}

export function serialFields(definition: FormDefinition): string[] {
  return Object.keys(definition.serials ?? {});
}
