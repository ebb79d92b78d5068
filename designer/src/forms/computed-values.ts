import { useCallback, useSyncExternalStore } from 'react';
import { valueAtPointer } from './error-schema.js';

/**
 * The latest evaluated data, for the computed fields to read. A keystroke that changes only
 * computed values publishes here instead of handing rjsf new form data, so the computed fields that
 * changed re-render and the rest of a large form does not (rjsf re-derives its whole state, with the
 * defaults of every field and line, for each new `formData`).
 *
 * It holds no data of its own that rjsf could see: rjsf compares `formContext` deeply but skips
 * functions, so handing it this object never makes the form re-render.
 */
export interface ComputedValues {
  /** The value at a data pointer (`/total`, `/lines/3/amount`) in the latest data. */
  valueAt(pointer: string): unknown;
  subscribe(listener: () => void): () => void;
  publish(data: Readonly<Record<string, unknown>>): void;
}

export function createComputedValues(initial: Readonly<Record<string, unknown>>): ComputedValues {
  let data = initial;
  const listeners = new Set<() => void>();
  return {
    valueAt: (pointer) => valueAtPointer(data, pointer),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(next) {
      if (next === data) return;
      data = next;
      for (const listener of listeners) listener();
    },
  };
}

/** The value a computed field shows, re-rendering its component only when that value changes. */
export function useComputedValue(values: ComputedValues, pointer: string): unknown {
  const snapshot = useCallback(() => values.valueAt(pointer), [values, pointer]);
  return useSyncExternalStore(values.subscribe, snapshot, snapshot);
}
