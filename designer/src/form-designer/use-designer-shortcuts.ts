import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './shortcuts.js';

function isTextBox(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable;
}

/**
 * Listens for the designer's shortcuts on the window and runs the handler of the action, if the page
 * gave one. Handlers are read at key time, so they always see the current draft.
 */
export function useDesignerShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>, enabled: boolean): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, shiftKey: event.shiftKey, inTextBox: isTextBox(event.target) });
      const handler = action === null ? undefined : current.current[action];
      if (handler === undefined) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
