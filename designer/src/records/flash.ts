/**
 * A one-shot confirmation carried across a page change (e.g. "Record created" after the new-record
 * page hands over to the record page). The next page takes it once.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}
