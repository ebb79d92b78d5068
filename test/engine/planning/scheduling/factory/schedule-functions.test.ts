import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { OrdoError } from '../../../../../engine/errors/index.js';
import { NATIVE_FUNCTIONS } from '../../../../../engine/functions/index.js';
import { smallFactory } from './factory-fixtures.js';

const context = { now: new Date('2026-03-02T06:00:00Z') };

function validates(schema: Readonly<Record<string, unknown>>, value: unknown): unknown {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  validate(value);
  return validate.errors ?? [];
}

describe('the scheduling functions in the registry', () => {
  it('schedule.plan needs nothing but its input, and its output matches its schema', () => {
    const plan = NATIVE_FUNCTIONS.get('schedule.plan')!;
    expect(plan.needs).toBeUndefined();
    const output = plan.run(smallFactory() as unknown as Record<string, unknown>, context);
    expect(validates(plan.outputSchema, output)).toEqual([]);
  });

  it('schedule.insert takes the committed schedule and answers in its schema', () => {
    const insert = NATIVE_FUNCTIONS.get('schedule.insert')!;
    const request = smallFactory();
    const current = NATIVE_FUNCTIONS.get('schedule.plan')!.run(request as unknown as Record<string, unknown>, context)['operations'];
    const order = { id: 'rush', qty: 1, weight: 5, operations: [{ id: 'cut', workCenter: 'saw', runMinutesPerUnit: 30 }] };
    const output = insert.run({ request, current, order }, context);
    expect(validates(insert.outputSchema, output)).toEqual([]);
  });

  it('schedule.whatif and schedule.reschedule answer in their schemas', () => {
    const request = smallFactory();
    const whatif = NATIVE_FUNCTIONS.get('schedule.whatif')!;
    const compared = whatif.run(
      { request, changes: [{ kind: 'overtime', workCenter: 'assembly', from: '2026-03-02T16:00:00Z', to: '2026-03-02T20:00:00Z' }] },
      context,
    );
    expect(validates(whatif.outputSchema, compared)).toEqual([]);
    const current = NATIVE_FUNCTIONS.get('schedule.plan')!.run(request as unknown as Record<string, unknown>, context)['operations'];
    const again = NATIVE_FUNCTIONS.get('schedule.reschedule')!;
    const events = [{ kind: 'breakdown', machine: 'saw-1', from: '2026-03-02T07:00:00Z', until: '2026-03-02T09:00:00Z' }];
    const output = again.run({ request: { ...request, now: '2026-03-02T07:00:00Z' }, current, events }, context);
    expect(validates(again.outputSchema, output)).toEqual([]);
  });

  it('an input that does not match the schema gets ORDO_ERR_FUNCTION_INPUT_INVALID with pointers', () => {
    const plan = NATIVE_FUNCTIONS.get('schedule.plan')!;
    const bad = { ...smallFactory(), origin: 'monday', extra: 1 } as unknown as Record<string, unknown>;
    try {
      plan.run(bad, context);
      expect.unreachable();
    } catch (error) {
      expect((error as OrdoError).code).toBe('ORDO_ERR_FUNCTION_INPUT_INVALID');
      expect((error as OrdoError).fields.map((field) => field.pointer)).toEqual(expect.arrayContaining(['/origin', '/extra']));
    }
  });
});
