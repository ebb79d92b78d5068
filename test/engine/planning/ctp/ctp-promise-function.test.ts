import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isOrdoError } from '../../../../engine/errors/index.js';
import { NATIVE_FUNCTIONS } from '../../../../engine/functions/index.js';
import { CTP_PROMISE_SCHEMA, ctpPromise } from '../../../../engine/planning/index.js';
import { componentsInStock, emptyPlan, freeStock, pumpScenario, TODAY } from './small-factory.js';

function refusal(run: () => unknown): { code: string; pointers: string[] } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!isOrdoError(error)) throw error;
    return { code: error.code, pointers: error.fields.map((field) => field.pointer) };
  }
}

describe('the ctp.promise native function', () => {
  const planning = { scenario: pumpScenario(), plan: emptyPlan([freeStock('PUMP', 3), ...componentsInStock(10)]) };

  it('is registered, retires the standard-lead-time promise it replaced and asks for the planning snapshot', () => {
    expect(NATIVE_FUNCTIONS.get('ctp.promise')).toBe(ctpPromise);
    expect(NATIVE_FUNCTIONS.get('ctp.placeholder-promise')?.retiredFor).toBe('ctp.promise');
    expect(ctpPromise.needs).toBe('planning');
  });

  it('returns what its output schema describes, top-level date, feasibility and reason included', () => {
    const output = ctpPromise.run({ salesOrder: 'SO-9', requestedDate: '2026-11-03', lines: [{ item: 'PUMP', qty: 2 }, { item: 'PUMP', qty: 4, requestedDate: '2026-11-20' }] }, { now: TODAY, planning });
    const validate = new Ajv2020({ strict: true }).compile(CTP_PROMISE_SCHEMA);
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true);
    expect(output).toMatchObject({ promisedDate: '2026-11-20', feasible: true });
    expect(output['reason']).toMatch(/line 2 \(4 × PUMP\)/);
  });

  it('refuses bad input with a catalogue code and a pointer to each problem', () => {
    const run = (input: Record<string, unknown>) => () => ctpPromise.run(input, { now: TODAY, planning });
    expect(refusal(run({}))).toEqual({ code: 'ORDO_ERR_FUNCTION_INPUT_INVALID', pointers: ['/lines'] });
    expect(refusal(run({ lines: [{ item: 'PUMP', qty: 0 }, { item: 'PUMP', qty: 1, requestedDate: 'soon' }] }))).toEqual({
      code: 'ORDO_ERR_FUNCTION_INPUT_INVALID',
      pointers: ['/lines/0/qty', '/lines/1/requestedDate'],
    });
    expect(refusal(run({ lines: [{ item: 'PUMP', qty: 1, requestedDate: '2026-02-30' }] }))).toEqual({ code: 'ORDO_ERR_FUNCTION_INPUT_INVALID', pointers: ['/lines/0/requestedDate'] });
    expect(refusal(run({ lines: [{ item: 'PUMP', qty: 1, colour: 'red' }] }))?.pointers).toEqual(['/lines/0/colour']);
  });

  it('is an internal error when the runtime forgets the planning snapshot', () => {
    expect(refusal(() => ctpPromise.run({ lines: [{ item: 'PUMP', qty: 1 }] }, { now: TODAY }))?.code).toBe('ORDO_ERR_INTERNAL');
  });
});
