import { describe, expect, it } from 'vitest';
import { isOrdoError } from '../../../../engine/errors/index.js';
import { parseFjs, parseInstance, parseJsplib } from '../../../../engine/planning/scheduling/index.js';
import { HAS_SHARED, benchmarkText, sharedChecker } from '../../../support/shared-benchmarks.js';

function parseError(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (isOrdoError(error) && error.code === 'ORDO_ERR_SCHEDULE_INSTANCE_INVALID') return error.message;
    throw error;
  }
  throw new Error('expected ORDO_ERR_SCHEDULE_INSTANCE_INVALID');
}

describe('JSPLIB parser', () => {
  it('reads one line per job of machine/time pairs, skipping comments and blank lines', () => {
    const model = parseJsplib('# two jobs\n2 3\n\n0 5  1 3  2 1\n2 4 0 2 1 7\n');
    expect(model.machineCount).toBe(3);
    expect(model.jobs.map((job) => job.operations.map((op) => op.alternatives))).toEqual([
      [[{ machine: 0, duration: 5 }], [{ machine: 1, duration: 3 }], [{ machine: 2, duration: 1 }]],
      [[{ machine: 2, duration: 4 }], [{ machine: 0, duration: 2 }], [{ machine: 1, duration: 7 }]],
    ]);
  });

  it('reads the same numbers wrapped over other lines', () => {
    expect(parseJsplib('2 2\n0 1 1 2 1\n3 0 4\n')).toEqual(parseJsplib('2 2\n0 1 1 2\n1 3 0 4\n'));
  });

  it('names the line or operation of malformed input', () => {
    expect(parseError(() => parseJsplib(''))).toMatch(/empty/);
    expect(parseError(() => parseJsplib('2 2\n0 1 1 x\n1 3 0 4'))).toMatch(/line 2: "x" is not an integer/);
    expect(parseError(() => parseJsplib('2 2\n0 1 1 2\n1 3 5 4'))).toMatch(/job 1 op 1: machine 5 is outside 0..1/);
    expect(parseError(() => parseJsplib('2 2\n0 1 1 2\n1 3 0'))).toMatch(/expected 2 job lines/);
    expect(parseError(() => parseJsplib('2 2\n0 1 1 -2\n1 3 0 4'))).toMatch(/negative/);
    expect(parseError(() => parseJsplib('0 2\n'))).toMatch(/at least 1/);
  });
});

describe('.fjs parser', () => {
  it('reads alternatives with machines numbered from 1 in the file and from 0 in the model', () => {
    const model = parseFjs('2\t3\t1.5\n2  2 1 5 3 4  1 2 6\n1 1 3 2\n\n');
    expect(model.machineCount).toBe(3);
    expect(model.jobs[0]!.operations.map((op) => op.alternatives)).toEqual([
      [
        { machine: 0, duration: 5 },
        { machine: 2, duration: 4 },
      ],
      [{ machine: 1, duration: 6 }],
    ]);
    expect(model.jobs[1]!.operations).toEqual([{ alternatives: [{ machine: 2, duration: 2 }] }]);
  });

  it('names what is wrong in malformed input', () => {
    expect(parseError(() => parseFjs('1 2\n1 1 3 4\n'))).toMatch(/machine 3 is outside 1..2/);
    expect(parseError(() => parseFjs('1 2\n1 1 0 4\n'))).toMatch(/machine 0 is outside 1..2/);
    expect(parseError(() => parseFjs('2 2\n1 1 1 4\n'))).toMatch(/data ends while reading the operation count of job 1/);
    expect(parseError(() => parseFjs('1 2\n1 1 1 4 9\n'))).toMatch(/1 unexpected numbers/);
    expect(parseError(() => parseFjs('1 2\n1 0\n'))).toMatch(/machine count 0/);
    expect(parseError(() => parseFjs('1 2\n1 2 1 4 1 5\n'))).toMatch(/listed twice/);
    expect(parseError(() => parseFjs('1 2 x\n1 1 1 4\n'))).toMatch(/"x" is not a number/);
  });
});

describe.skipIf(!HAS_SHARED)('the shared benchmark instances', () => {
  it.each([
    ['jobshop/ft06.txt', 'jsplib'],
    ['jobshop/ta01.txt', 'jsplib'],
    ['fjsp/mk01.fjs', 'fjs'],
    ['fjsp/mk05.fjs', 'fjs'],
  ] as const)('%s reads as the shared checker reads it', async (file, format) => {
    const text = benchmarkText(file);
    const theirs = (await sharedChecker()).parseInstance(text, format);
    const ours = parseInstance(text, format);
    expect(ours.jobs.map((job) => job.operations.map((op) => op.alternatives))).toEqual(theirs.ops);
  });
});
