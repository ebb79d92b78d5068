import type { Executor } from './executor.js';

/**
 * The next number of a (form, field, prefix) counter, starting at 1. One upsert statement, so concurrent
 * transactions queue on the row lock and never draw the same number.
 */
export async function nextSerial(db: Executor, counter: { form: string; field: string; prefix: string }): Promise<number> {
  const row = await db
    .insertInto('ordo_serials')
    .values({ form: counter.form, field: counter.field, prefix: counter.prefix, value: 1 })
    .onConflict((oc) => oc.columns(['form', 'field', 'prefix']).doUpdateSet((eb) => ({ value: eb('ordo_serials.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
