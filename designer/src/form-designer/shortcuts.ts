/**
 * The designer's keyboard shortcuts: which key press means which action. Pure, so the help overlay
 * lists exactly what the page listens for.
 */
export type ShortcutAction = 'save' | 'publish' | 'undo' | 'redo' | 'duplicate' | 'delete' | 'moveUp' | 'moveDown' | 'help' | 'deselect';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** The focus is in a text box, a select or the JSON view, where keys edit text. */
  inTextBox: boolean;
}

/** The help overlay's rows: each action and its keys (`Mod` is Ctrl, or ⌘ on a Mac). */
export const SHORTCUTS: readonly { action: ShortcutAction; keys: readonly string[] }[] = [
  { action: 'save', keys: ['Mod', 'S'] },
  { action: 'publish', keys: ['Mod', 'Enter'] },
  { action: 'undo', keys: ['Mod', 'Z'] },
  { action: 'redo', keys: ['Mod', 'Shift', 'Z'] },
  { action: 'duplicate', keys: ['Mod', 'D'] },
  { action: 'delete', keys: ['Delete'] },
  { action: 'moveUp', keys: ['Alt', '↑'] },
  { action: 'moveDown', keys: ['Alt', '↓'] },
  { action: 'deselect', keys: ['Esc'] },
  { action: 'help', keys: ['?'] },
];

/** The action a key press asks for, or null. Saving works everywhere; the rest leave text boxes all their keys. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (mod && !press.altKey && key === 's') return 'save';
  // Escape too: a text box may use it (the formula editor closes its suggestions with it).
  if (press.inTextBox) return null;
  if (mod && !press.altKey) {
    if (press.key === 'Enter') return 'publish';
    if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'd') return 'duplicate';
    return null;
  }
  if (press.altKey && !mod && press.key === 'ArrowUp') return 'moveUp';
  if (press.altKey && !mod && press.key === 'ArrowDown') return 'moveDown';
  if (press.altKey || mod) return null;
  if (press.key === 'Delete') return 'delete';
  if (press.key === '?') return 'help';
  if (press.key === 'Escape') return 'deselect';
  return null;
}
