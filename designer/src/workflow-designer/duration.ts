/** ISO 8601 durations (`PT24H`, `P2D`, `P1DT4H`) as the designer shows them: a number of hours or days. */
const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

export type DurationUnit = 'hours' | 'days';

export interface SimpleDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** Whole days read as days, anything else as hours; null for minutes or text that is no duration. */
export function readDuration(text: string | undefined): SimpleDuration | null {
  if (text === undefined) return null;
  const match = DURATION.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) return null;
  const [, days = '0', hours = '0', minutes = '0'] = match;
  if (Number(minutes) !== 0) return null;
  if (Number(hours) === 0) return { amount: Number(days), unit: 'days' };
  return { amount: Number(days) * 24 + Number(hours), unit: 'hours' };
}

export function writeDuration({ amount, unit }: SimpleDuration): string {
  const whole = Math.max(1, Math.round(amount));
  return unit === 'days' ? `P${whole}D` : `PT${whole}H`;
}
