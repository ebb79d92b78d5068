import { useEffect, useRef } from 'react';

/**
 * Escape closes a dialog wherever the focus is. A key handler on the dialog itself misses the key when
 * nothing inside has the focus (its first button disabled while loading, a click on the backdrop).
 */
export function useEscapeKey(onEscape: () => void): void {
  const latest = useRef(onEscape);
  latest.current = onEscape;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
