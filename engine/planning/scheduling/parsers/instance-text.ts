import { OrdoError } from '../../../errors/index.js';

/** A numbered content line of an instance file: blank lines and `#` comments are skipped. */
export interface InstanceLine {
  readonly lineNumber: number;
  readonly numbers: readonly number[];
}

export function instanceError(message: string): OrdoError {
  return new OrdoError('ORDO_ERR_SCHEDULE_INSTANCE_INVALID', message);
}

/** Splits an instance file into lines of integers; field `decimalHeaderField` of the header may be a decimal (the .fjs average). */
export function readInstanceLines(text: string, format: string, decimalHeaderField?: number): InstanceLine[] {
  const lines: InstanceLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const tokens = line.split(/\s+/);
    const numbers = tokens.map((token, t) => {
      const decimalAllowed = lines.length === 0 && t === decimalHeaderField;
      if (/^[+-]?\d+$/.test(token) || (decimalAllowed && /^\d+(\.\d+)?$/.test(token))) return Number(token);
      throw instanceError(`${format} line ${index + 1}: "${token}" is not ${decimalAllowed ? 'a number' : 'an integer'}`);
    });
    lines.push({ lineNumber: index + 1, numbers });
  });
  if (lines.length === 0) throw instanceError(`${format} instance is empty`);
  return lines;
}

/** The "<jobs> <machines>" header both formats start with. */
export function readHeader(line: InstanceLine, format: string, extraFields: number): { jobs: number; machines: number } {
  const [jobs, machines] = line.numbers;
  if (jobs === undefined || machines === undefined || line.numbers.length > 2 + extraFields) {
    const optional = extraFields > 0 ? ' [<average machines per operation>]' : '';
    throw instanceError(`${format} line ${line.lineNumber}: the header must be "<jobs> <machines>${optional}"`);
  }
  if (jobs < 1 || machines < 1) throw instanceError(`${format} line ${line.lineNumber}: jobs and machines must be at least 1, got ${jobs} and ${machines}`);
  return { jobs, machines };
}

export function checkDuration(duration: number, where: string): void {
  if (duration < 0) throw instanceError(`${where}: processing time ${duration} is negative`);
}
