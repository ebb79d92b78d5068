import type { KeyboardEvent } from 'react';

export interface PickerKeys<T> {
  readonly open: boolean;
  readonly results: readonly T[];
  readonly active: number;
  setOpen(open: boolean): void;
  setActive(update: (index: number) => number): void;
  pick(item: T): void;
  /** Closes the list and forgets what was typed. */
  close(): void;
}

/** The keys of a search-and-pick box (lookups, members): arrows move through the results, Enter picks, Escape closes. */
export function onPickerKeyDown<T>(event: KeyboardEvent<HTMLInputElement>, picker: PickerKeys<T>): void {
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    picker.setOpen(true);
    picker.setActive((index) => Math.min(index + 1, Math.max(picker.results.length - 1, 0)));
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    picker.setActive((index) => Math.max(index - 1, 0));
  } else if (event.key === 'Enter' && picker.open) {
    event.preventDefault();
    const item = picker.results[picker.active];
    if (item !== undefined) picker.pick(item);
  } else if (event.key === 'Escape') {
    picker.close();
  }
}
