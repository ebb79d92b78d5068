const MINUTE_MS = 60_000;

/** Whole minutes from the schedule origin; a time between two minutes counts from the minute it falls in. */
export function minutesFrom(originMs: number, iso: string): number {
  return Math.floor((Date.parse(iso) - originMs) / MINUTE_MS);
}

export function isoAt(originMs: number, minute: number): string {
  return new Date(originMs + minute * MINUTE_MS).toISOString();
}

/** True when the text is a real instant (the schema checks the shape only: 2026-02-30T00:00Z is not one). */
export function isInstant(iso: string): boolean {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return false;
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}
