import { useCallback, useEffect, useState } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { isApiError, type FormDraft, type PublishedForm } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { definitionText, fromDefinition, type DesignForm } from './field-model.js';

export type DraftLoad = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready' };

export interface FormDraftState {
  load: DraftLoad;
  /** What is saved and published: the JSON view's text. */
  text: string;
  /** The model read from `text`; the last good one while the JSON view holds text that does not parse. */
  model: DesignForm;
  /** Why `text` does not parse, or null. */
  jsonError: string | null;
  dirty: boolean;
  publishedVersion: number | null;
  setModel(model: DesignForm): void;
  setText(text: string): void;
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  save(): Promise<FormDraft>;
  /** Publishes the saved draft; save first. */
  publish(): Promise<PublishedForm>;
}

const UNDO_LIMIT = 200;

export function emptyForm(id: string): DesignForm {
  return { id, version: 1, title: { 'zh-CN': id, en: id }, fields: [], rest: {}, ui: {} };
}

/** The draft being designed: loads it (or the published form, or a new one), keeps model and text in step, saves. */
export function useFormDraft(id: string): FormDraftState {
  const { api } = useSession();
  const [load, setLoad] = useState<DraftLoad>({ status: 'loading' });
  const [model, setModelState] = useState<DesignForm>(() => emptyForm(id));
  const [text, setTextState] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [publishedVersion, setPublishedVersion] = useState<number | null>(null);
  // Earlier and undone texts: the text is the whole state, so undo is putting an earlier text back.
  const [past, setPast] = useState<readonly string[]>([]);
  const [future, setFuture] = useState<readonly string[]>([]);

  useEffect(() => {
    let cancelled = false;
    api.formDraft(id).then(
      (draft) => {
        if (cancelled) return;
        setTextState(draft.body);
        setModelState(fromDefinition(JSON.parse(draft.body) as FormDefinition));
        setPublishedVersion(draft.publishedVersion);
        setLoad({ status: 'ready' });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (isApiError(error) && error.code === 'ORDO_ERR_FORM_NOT_FOUND') {
          const fresh = emptyForm(id);
          setModelState(fresh);
          setTextState(definitionText(fresh));
          setDirty(true);
          setLoad({ status: 'ready' });
          return;
        }
        setLoad({ status: 'failed', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, id]);

  const remember = useCallback((previous: string) => {
    setPast((entries) => [...entries.slice(-(UNDO_LIMIT - 1)), previous]);
    setFuture([]);
  }, []);

  const restore = useCallback((next: string) => {
    setTextState(next);
    setDirty(true);
    try {
      setModelState(fromDefinition(JSON.parse(next) as FormDefinition));
      setJsonError(null);
    } catch (error) {
      setJsonError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  const setModel = useCallback((next: DesignForm) => {
    remember(text);
    setModelState(next);
    setTextState(definitionText(next));
    setJsonError(null);
    setDirty(true);
  }, [remember, text]);

  const setText = useCallback(
    (next: string) => {
      remember(text);
      restore(next);
    },
    [remember, restore, text],
  );

  const undo = useCallback(() => {
    const previous = past.at(-1);
    if (previous === undefined) return;
    setPast(past.slice(0, -1));
    setFuture([...future, text]);
    restore(previous);
  }, [future, past, restore, text]);

  const redo = useCallback(() => {
    const next = future.at(-1);
    if (next === undefined) return;
    setFuture(future.slice(0, -1));
    setPast([...past, text]);
    restore(next);
  }, [future, past, restore, text]);

  const save = useCallback(async () => {
    const saved = await api.saveFormDraft(id, text);
    setDirty(false);
    return saved;
  }, [api, id, text]);

  const publish = useCallback(async () => {
    const published = await api.publishForm(id);
    setPublishedVersion(published.version);
    // The draft takes the published version's number, so the JSON view shows exactly what now runs.
    if (model.version !== published.version) {
      const next = { ...model, version: published.version };
      const nextText = definitionText(next);
      await api.saveFormDraft(id, nextText);
      setModelState(next);
      setTextState(nextText);
    }
    return published;
  }, [api, id, model]);

  return { load, text, model, jsonError, dirty, publishedVersion, setModel, setText, canUndo: past.length > 0, canRedo: future.length > 0, undo, redo, save, publish };
}
