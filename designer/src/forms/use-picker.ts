import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { onPickerKeyDown } from './picker-keys.js';

/** How long the list stays open after the box loses focus, so a click on an option lands first. */
const CLOSE_DELAY_MS = 150;

export interface Picker<T> {
  readonly open: boolean;
  /** What was typed since the list opened; the box shows the picked value's title otherwise. */
  readonly query: string;
  readonly active: number;
  setActive(index: number): void;
  type(query: string): void;
  /** Picks the item (the caller's `onPick`), then closes the list and forgets what was typed. */
  pick(item: T): void;
  onFocus(): void;
  onBlur(): void;
  /** Arrows move through the results shown, Enter picks the active one, Escape closes. */
  onKeyDown(event: KeyboardEvent<HTMLInputElement>, results: readonly T[]): void;
  /** Makes the first result active, as a new result list arrives; the same function every render. */
  resetActive(): void;
}

/**
 * The state of a search-and-pick box (lookups, members): whether its list is open, what was typed, the
 * active result, and the keys that move through the results.
 */
export function usePicker<T>(onPick: (item: T) => void): Picker<T> {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActiveState] = useState(0);
  const closeTimer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(closeTimer.current), []);

  const close = useCallback(() => {
    setOpen(false);
    setQuery('');
  }, []);
  const resetActive = useCallback(() => setActiveState(0), []);

  function pick(item: T) {
    onPick(item);
    close();
  }

  return {
    open,
    query,
    active,
    setActive: setActiveState,
    type(next) {
      setQuery(next);
      setActiveState(0);
      setOpen(true);
    },
    pick,
    onFocus() {
      window.clearTimeout(closeTimer.current);
      setOpen(true);
    },
    onBlur() {
      closeTimer.current = window.setTimeout(close, CLOSE_DELAY_MS);
    },
    onKeyDown(event, results) {
      onPickerKeyDown(event, { open, results, active, setOpen, setActive: setActiveState, pick, close });
    },
    resetActive,
  };
}
