import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useEffect, useMemo, useState } from 'react';
import { isApiError, type ApiError } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { describeFailure, FlashNotice, RetryNotice } from '../shell/index.js';
import { FieldCanvas, type Selection } from './field-canvas.js';
import { toDefinition, type DesignField, type DesignForm, type FieldType } from './field-model.js';
import { JsonView } from './json-view.js';
import { moveItem, newField } from './new-field.js';
import { Palette } from './palette.js';
import { PreviewPane } from './preview-pane.js';
import { FieldProperties, FormProperties } from './properties-panel.js';
import { useFormDraft } from './use-form-draft.js';
import './form-designer.css';

type Tab = 'design' | 'preview' | 'json';
const TABS: readonly Tab[] = ['design', 'preview', 'json'];

function replaceField(model: DesignForm, selection: Selection, next: DesignField | null): DesignForm {
  const fields = model.fields.flatMap((field) => {
    if (field.name !== selection.field) return [field];
    if (selection.column === undefined) return next === null ? [] : [next];
    const columns = (field.columns ?? []).flatMap((column) => (column.name !== selection.column ? [column] : next === null ? [] : [next]));
    return [{ ...field, columns }];
  });
  return { ...model, fields };
}

/** Where a drop lands: the index of the field (or column) it was dropped on, or the end. */
function dropIndex(overId: string | undefined, names: readonly string[], prefix: string): number {
  if (overId === undefined || !overId.startsWith(prefix)) return names.length;
  const index = names.indexOf(overId.slice(prefix.length));
  return index === -1 ? names.length : index;
}

export function FormDesignerPage({ id }: { id: string }) {
  const { t, text, locale } = useI18n();
  const draft = useFormDraft(id);
  const [tab, setTab] = useState<Tab>('design');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; problems: ApiError['fieldErrors'] } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const { model } = draft;
  const definition = useMemo(() => toDefinition(model), [model]);

  const selected = useMemo(() => {
    if (selection === null) return undefined;
    const field = model.fields.find((candidate) => candidate.name === selection.field);
    if (selection.column === undefined || field === undefined) return field === undefined ? undefined : { field, siblings: model.fields.map((other) => other.name).filter((name) => name !== field.name) };
    const column = field.columns?.find((candidate) => candidate.name === selection.column);
    return column === undefined ? undefined : { field: column, siblings: (field.columns ?? []).map((other) => other.name).filter((name) => name !== column.name) };
  }, [model, selection]);

  function addField(type: FieldType, at = model.fields.length) {
    const field = newField(type, model.fields.map((existing) => existing.name));
    const fields = [...model.fields];
    fields.splice(at, 0, field);
    draft.setModel({ ...model, fields });
    setSelection({ field: field.name });
  }

  function addColumn(table: string, type: FieldType) {
    const target = model.fields.find((field) => field.name === table);
    if (target === undefined) return;
    const column = newField(type, (target.columns ?? []).map((existing) => existing.name));
    draft.setModel({ ...model, fields: model.fields.map((field) => (field.name === table ? { ...field, columns: [...(field.columns ?? []), column] } : field)) });
    setSelection({ field: table, column: column.name });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const activeId = String(active.id);
    const overId = over === null ? undefined : String(over.id);
    const names = model.fields.map((field) => field.name);
    if (activeId.startsWith('palette:')) {
      if (overId === undefined) return;
      addField(activeId.slice('palette:'.length) as FieldType, dropIndex(overId, names, 'field:'));
      return;
    }
    if (overId === undefined || activeId === overId) return;
    if (activeId.startsWith('field:') && overId.startsWith('field:')) {
      draft.setModel({ ...model, fields: moveItem(model.fields, names.indexOf(activeId.slice(6)), dropIndex(overId, names, 'field:')) });
      return;
    }
    const [, table, column] = activeId.split(':');
    const [, overTable] = overId.split(':');
    if (activeId.startsWith('column:') && overId.startsWith('column:') && table === overTable) {
      const target = model.fields.find((field) => field.name === table);
      const columns = target?.columns ?? [];
      const columnNames = columns.map((entry) => entry.name);
      const moved = moveItem(columns, columnNames.indexOf(column ?? ''), dropIndex(overId, columnNames, `column:${table}:`));
      draft.setModel({ ...model, fields: model.fields.map((field) => (field.name === table ? { ...field, columns: moved } : field)) });
    }
  }

  function onFieldChange(next: DesignField) {
    if (selection === null) return;
    draft.setModel(replaceField(model, selection, next));
    if (selection.column === undefined && next.name !== selection.field) setSelection({ field: next.name });
    if (selection.column !== undefined && next.name !== selection.column) setSelection({ field: selection.field, column: next.name });
  }

  async function run(kind: 'save' | 'publish') {
    setBusy(kind);
    setNotice(null);
    setFailure(null);
    try {
      await draft.save();
      if (kind === 'save') {
        setNotice(t('designer.saved'));
        return;
      }
      const published = await draft.publish();
      setNotice(t(published.published ? 'designer.published' : 'designer.unchanged', { version: published.version }));
    } catch (error) {
      setFailure({ message: describeFailure(error, locale), problems: isApiError(error) ? error.fieldErrors : [] });
    } finally {
      setBusy(null);
    }
  }

  // Ctrl/⌘+Z and Ctrl/⌘+Shift+Z (or Ctrl+Y) undo and redo design steps; inside a text box the browser's own undo applies.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target !== null && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) draft.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') draft.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [draft]);

  if (draft.load.status === 'loading') return <div className="page-state">{t('app.loading')}</div>;
  if (draft.load.status === 'failed') return <RetryNotice message={describeFailure(draft.load.error, locale)} onRetry={() => window.location.reload()} />;

  const status = draft.dirty ? t('designer.status.draft') : draft.publishedVersion === null ? t('designer.status.new') : t('designer.status.published', { version: draft.publishedVersion });
  return (
    <div className="fd-page" data-testid="form-designer">
      <header className="fd-header">
        <div className="fd-title">
          <a className="fd-back" href={href({ page: 'designer-forms' })}>
            ‹ {t('designer.back')}
          </a>
          <h1 data-testid="page-title">{text(model.title)}</h1>
          <span className={draft.dirty ? 'fd-status is-dirty' : draft.publishedVersion === null ? 'fd-status is-new' : 'fd-status'} data-testid="designer-status">
            {status}
          </span>
        </div>
        <div className="fd-tabs" role="tablist">
          {TABS.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'fd-tab is-active' : 'fd-tab'} onClick={() => setTab(name)} data-testid={`designer-tab-${name}`}>
              {t(`designer.tab.${name}`)}
            </button>
          ))}
        </div>
        <div className="fd-actions">
          <button type="button" className="btn fd-icon-button" disabled={!draft.canUndo} onClick={draft.undo} title={t('designer.undo')} aria-label={t('designer.undo')} data-testid="designer-undo">
            ↶
          </button>
          <button type="button" className="btn fd-icon-button" disabled={!draft.canRedo} onClick={draft.redo} title={t('designer.redo')} aria-label={t('designer.redo')} data-testid="designer-redo">
            ↷
          </button>
          <button type="button" className="btn" disabled={busy !== null || draft.jsonError !== null} onClick={() => void run('save')} data-testid="designer-save">
            {busy === 'save' ? t('designer.saving') : t('designer.save')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy !== null || draft.jsonError !== null} onClick={() => void run('publish')} data-testid="designer-publish">
            {busy === 'publish' ? t('designer.publishing') : t('designer.publish')}
          </button>
        </div>
      </header>
      {notice !== null ? <FlashNotice message={notice} onClose={() => setNotice(null)} /> : null}
      {failure !== null ? (
        <div className="notice notice-error fd-problems" role="alert" data-testid="designer-problems">
          <p>{failure.message}</p>
          {failure.problems.length > 0 ? (
            <>
              <p>{t('designer.problems')}</p>
              <ul>
                {failure.problems.map((problem, index) => (
                  <li key={index}>
                    {problem.pointer !== '' ? <code>{problem.pointer}</code> : null} {problem.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {tab === 'design' ? (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <div className="fd-workspace">
            <Palette onAdd={(type) => addField(type)} />
            <section className="fd-stage" onClick={() => setSelection(null)}>
              <FieldCanvas fields={model.fields} selection={selection} onSelect={setSelection} onAddColumn={addColumn} />
            </section>
            <aside className="fd-properties" aria-label={t('designer.properties')}>
              <h2 className="fd-panel-title">{selected === undefined ? t('designer.formProperties') : t('designer.properties')}</h2>
              {selected === undefined ? (
                <FormProperties model={model} onChange={draft.setModel} />
              ) : (
                <FieldProperties
                  key={`${selection?.field}/${selection?.column ?? ''}`}
                  field={selected.field}
                  siblings={selected.siblings}
                  onChange={onFieldChange}
                  onDelete={() => {
                    if (selection !== null) draft.setModel(replaceField(model, selection, null));
                    setSelection(null);
                  }}
                />
              )}
            </aside>
          </div>
        </DndContext>
      ) : null}
      {tab === 'preview' ? <PreviewPane definition={definition} text={draft.text} /> : null}
      {tab === 'json' ? <JsonView text={draft.text} error={draft.jsonError} onChange={draft.setText} /> : null}
    </div>
  );
}
