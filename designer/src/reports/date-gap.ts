import type { ReportValue } from '../api/report-types.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const MS_PER_DAY = 86_400_000;

function dayNumber(value: ReportValue | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DAY.exec(value);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY : undefined;
}

/** Calendar days from `start` to `end` (positive when `end` is later); undefined unless both are dates. */
export function dateGap(start: ReportValue | undefined, end: ReportValue | undefined): number | undefined {
  const from = dayNumber(start);
  const to = dayNumber(end);
  return from === undefined || to === undefined ? undefined : to - from;
}
