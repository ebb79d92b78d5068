import fc from 'fast-check';
import type { KeyboardEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { onPickerKeyDown } from '../../designer/src/forms/picker-keys.js';

/** Plays keys on the picker the lookup and member fields share, the way use-picker.ts wires it. */
function play(keys: readonly string[], results: readonly string[]) {
  const state = { open: false, active: 0, picked: [] as string[], closed: 0 };
  for (const key of keys) {
    let prevented = false;
    const event = { key, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent<HTMLInputElement>;
    onPickerKeyDown(event, {
      open: state.open,
      results,
      active: state.active,
      setOpen: (open) => (state.open = open),
      setActive: (update) => (state.active = update(state.active)),
      pick: (item) => {
        state.picked.push(item);
        state.open = false;
      },
      close: () => {
        state.open = false;
        state.closed += 1;
      },
    });
    if (key.startsWith('Arrow')) expect(prevented).toBe(true);
  }
  return state;
}

describe('picker keys', () => {
  it('ArrowDown opens the list and moves down from the first result, Enter picks the active one, Escape closes', () => {
    expect(play(['ArrowDown', 'Enter'], ['a', 'b', 'c'])).toMatchObject({ picked: ['b'], open: false });
    expect(play(['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'Enter'], ['a', 'b', 'c'])).toMatchObject({ picked: ['b'] });
    expect(play(['ArrowDown', 'Escape', 'Enter'], ['a'])).toMatchObject({ picked: [], closed: 1 });
  });

  it('keeps the active result within the results, whatever the keys', () => {
    const keys = fc.array(fc.constantFrom('ArrowDown', 'ArrowUp', 'Enter', 'Escape', 'a'), { maxLength: 30 });
    fc.assert(
      fc.property(keys, fc.array(fc.string(), { maxLength: 5 }), (pressed, results) => {
        const state = play(pressed, results);
        expect(state.active).toBeGreaterThanOrEqual(0);
        expect(state.active).toBeLessThanOrEqual(Math.max(results.length - 1, 0));
        for (const item of state.picked) expect(results).toContain(item);
      }),
    );
  });
});
