import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canvasItems, duplicateField, itemId, moveItemBy, removeItem } from '../../designer/src/form-designer/layout-items.js';
import { SHORTCUTS, shortcutFor, type KeyPress } from '../../designer/src/form-designer/shortcuts.js';
import { layoutModel } from './form-layout-arbitrary.js';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, inTextBox: false, ...modifiers });

describe('designer shortcuts', () => {
  it('map the keys the help overlay lists, with Ctrl or ⌘', () => {
    expect(shortcutFor(press('s', { ctrlKey: true }))).toBe('save');
    expect(shortcutFor(press('S', { metaKey: true, shiftKey: true }))).toBe('save');
    expect(shortcutFor(press('Enter', { ctrlKey: true }))).toBe('publish');
    expect(shortcutFor(press('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutFor(press('d', { ctrlKey: true }))).toBe('duplicate');
    expect(shortcutFor(press('Delete'))).toBe('delete');
    expect(shortcutFor(press('ArrowUp', { altKey: true }))).toBe('moveUp');
    expect(shortcutFor(press('ArrowDown', { altKey: true }))).toBe('moveDown');
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(press('Escape'))).toBe('deselect');
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.action)).size).toBe(SHORTCUTS.length);
  });

  it('leave text boxes their own keys, Escape included, except saving', () => {
    expect(shortcutFor(press('s', { ctrlKey: true, inTextBox: true }))).toBe('save');
    expect(shortcutFor(press('Escape', { inTextBox: true }))).toBeNull();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (key, ctrlKey, metaKey, altKey, shiftKey) => {
        const action = shortcutFor({ key, ctrlKey, metaKey, altKey, shiftKey, inTextBox: true });
        expect(action === null || (action === 'save' && (ctrlKey || metaKey))).toBe(true);
      }),
    );
  });

  it('ignore plain typing and the browser\'s other Ctrl keys', () => {
    for (const key of ['a', 'd', 's', 'Backspace', 'ArrowUp']) expect(shortcutFor(press(key))).toBeNull();
    expect(shortcutFor(press('p', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowUp', { altKey: true, ctrlKey: true }))).toBeNull();
  });
});

describe('canvas steps the shortcuts take', () => {
  it('move an item one place and back, and refuse to move past the ends', () => {
    fc.assert(
      fc.property(layoutModel, fc.nat(), (model, pick) => {
        const ids = canvasItems(model).map(itemId);
        const id = ids[pick % ids.length]!;
        const down = moveItemBy(model, id, 1);
        const downIds = canvasItems(down).map(itemId);
        if (ids.indexOf(id) === ids.length - 1) expect(down).toBe(model);
        else {
          expect(downIds.indexOf(id)).toBe(ids.indexOf(id) + 1);
          expect(canvasItems(moveItemBy(down, id, -1)).map(itemId)).toEqual(ids);
        }
        expect(moveItemBy(model, ids[0]!, -1)).toBe(model);
      }),
      { numRuns: 200 },
    );
  });

  it('duplicate a field right below it under a free key, and delete it again', () => {
    fc.assert(
      fc.property(layoutModel, fc.nat(), (model, pick) => {
        const original = model.fields[pick % model.fields.length]!;
        const copied = duplicateField(model, original.name);
        expect(copied).toBeDefined();
        const { model: next, copy } = copied!;
        expect(model.fields.some((field) => field.name === copy)).toBe(false);
        const ids = canvasItems(next).map(itemId);
        expect(ids.indexOf(`field:${copy}`)).toBe(ids.indexOf(`field:${original.name}`) + 1);
        const copyField = next.fields.find((field) => field.name === copy)!;
        expect({ ...copyField, name: original.name, label: original.label, lookup: original.lookup }).toEqual(original);
        expect(copyField.lookup?.fill).toBeUndefined();
        expect(canvasItems(removeItem(next, `field:${copy}`)).map(itemId)).toEqual(canvasItems(model).map(itemId));
      }),
      { numRuns: 200 },
    );
  });
});
