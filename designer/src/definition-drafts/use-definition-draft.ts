import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiagramLayout } from '../../../engine/workflows/diagram-layout.js';
import { isApiError, type DefinitionDraft, type DesignerKind, type PublishedDefinition } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useDefinitions } from '../shell/index.js';
import type { DraftCodec } from './draft-codec.js';

export type DraftLoad = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready' };

export interface DefinitionDraftState<M> {
  load: DraftLoad;
  /** What is saved and published: the JSON view's text. */
  text: string;
  /** The model read from `text`; the last good one while the JSON view holds text that does not parse. */
  model: M;
  /** Why `text` does not parse, or null. */
  jsonError: string | null;
  dirty: boolean;
  publishedVersion: number | null;
  /** The drawing saved with the draft (workflows), as loaded; null when there is none. */
  savedLayout: DiagramLayout | null;
  /** The drawing to save with the next save; `byHand` (a node moved) makes the draft one to save. */
  setLayout(layout: DiagramLayout, byHand: boolean): void;
  setModel(model: M): void;
  setText(text: string): void;
  canUndo: boolean;
  canRedo: boolean;
  undo(): void;
  redo(): void;
  /**
   * Saves the text. Refused with ORDO_ERR_DRAFT_CONFLICT when someone else saved the draft since it was
   * loaded (or last saved here), unless `overwrite` says to write over their changes.
   */
  save(options?: { overwrite?: boolean }): Promise<DefinitionDraft>;
  /** Publishes the saved draft; save first. */
  publish(): Promise<PublishedDefinition>;
}

const UNDO_LIMIT = 200;

/**
 * The draft a designer works on: loads it (or the published definition, or a new one when neither
 * exists), keeps model and text in step, saves and publishes. Undo and redo put an earlier text back:
 * the text is the whole state.
 */
export function useDefinitionDraft<M>(kind: DesignerKind, id: string, codec: DraftCodec<M>): DefinitionDraftState<M> {
  const { api } = useSession();
  const { refresh } = useDefinitions();
  const [load, setLoad] = useState<DraftLoad>({ status: 'loading' });
  const [model, setModelState] = useState<M>(() => codec.empty(id));
  const [text, setTextState] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [publishedVersion, setPublishedVersion] = useState<number | null>(null);
  const [savedLayout, setSavedLayout] = useState<DiagramLayout | null>(null);
  // Sent with each save; undefined until a designer draws one, so the saved one stays.
  const layout = useRef<DiagramLayout | undefined>(undefined);
  const [past, setPast] = useState<readonly string[]>([]);
  const [future, setFuture] = useState<readonly string[]>([]);
  // When the draft was saved as this page knows it (null: no draft yet): the server refuses a save over a newer one.
  const savedAt = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.definitionDraft(kind, id).then(
      (draft) => {
        if (cancelled) return;
        savedAt.current = draft.updatedAt;
        setTextState(draft.body);
        setModelState(codec.parse(draft.body));
        setPublishedVersion(draft.publishedVersion);
        setSavedLayout(draft.layout ?? null);
        setLoad({ status: 'ready' });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (isApiError(error) && error.status === 404) {
          const fresh = codec.empty(id);
          setModelState(fresh);
          setTextState(codec.print(fresh));
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
  }, [api, codec, id, kind]);

  const setLayout = useCallback((next: DiagramLayout, byHand: boolean) => {
    layout.current = next;
    if (byHand) setDirty(true);
  }, []);

  const remember = useCallback((previous: string) => {
    setPast((entries) => [...entries.slice(-(UNDO_LIMIT - 1)), previous]);
    setFuture([]);
  }, []);

  const restore = useCallback(
    (next: string) => {
      setTextState(next);
      setDirty(true);
      try {
        setModelState(codec.parse(next));
        setJsonError(null);
      } catch (error) {
        setJsonError(error instanceof Error ? error.message : String(error));
      }
    },
    [codec],
  );

  const setModel = useCallback(
    (next: M) => {
      remember(text);
      setModelState(next);
      setTextState(codec.print(next));
      setJsonError(null);
      setDirty(true);
    },
    [codec, remember, text],
  );

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

  const save = useCallback(async (options: { overwrite?: boolean } = {}) => {
    const saved = await api.saveDefinitionDraft(kind, id, text, options.overwrite === true ? undefined : savedAt.current, layout.current);
    savedAt.current = saved.updatedAt;
    setDirty(false);
    return saved;
  }, [api, id, kind, text]);

  const publish = useCallback(async () => {
    const published = await api.publishDefinitionDraft(kind, id);
    setPublishedVersion(published.version);
    if (published.published) refresh();
    // The draft takes the published version's number, so the JSON view shows exactly what now runs.
    const next = codec.withVersion(model, published.version);
    const nextText = codec.print(next);
    if (nextText !== codec.print(model)) {
      savedAt.current = (await api.saveDefinitionDraft(kind, id, nextText, savedAt.current)).updatedAt;
      setModelState(next);
      setTextState(nextText);
    }
    return published;
  }, [api, codec, id, kind, model, refresh]);

  return { load, text, model, jsonError, dirty, publishedVersion, savedLayout, setLayout, setModel, setText, canUndo: past.length > 0, canRedo: future.length > 0, undo, redo, save, publish };
}
