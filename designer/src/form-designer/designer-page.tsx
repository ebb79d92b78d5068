import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DraftButtons, DraftNotices, DraftTitle, JsonView, useDraftActions } from '../definition-drafts/index.js';
import { translate, useI18n } from '../i18n/index.js';
import { describeFailure, RetryNotice } from '../shell/index.js';
import { ChangesPane } from './changes-pane.js';
import { COMPUTED_PALETTE_ID, addComputedField } from './computed-palette-item.js';
import { FieldCanvas, type Selection } from './field-canvas.js';
import { FieldLayoutProps } from './field-layout-props.js';
import { computedOf, defaultFormulaOf, movePath } from './field-logic.js';
import { FieldLogicPanel } from './field-logic-panel.js';
import { rowMarks, type RowMarks } from './canvas-marks.js';
import { toDefinition, type DesignField, type DesignForm, type FieldType } from './field-model.js';
import { canvasItems, duplicateField, insertItem, itemId, moveItemBy, newSectionId, removeItem, replaceItemField, withItems } from './layout-items.js';
import { moveItem, newField } from './new-field.js';
import { Palette } from './palette.js';
import { PermissionsEditor } from './permissions-editor.js';
import { PreviewPane } from './preview-pane.js';
import { FieldProperties, FormProperties } from './properties-panel.js';
import { PublishDialog } from './publish-dialog.js';
import { SectionProperties } from './section-properties.js';
import { ShortcutsHelp } from './shortcuts-help.js';
import { useDesignerShortcuts } from './use-designer-shortcuts.js';
import { useFormDraft } from './use-form-draft.js';
import './form-designer.css';

// Constants, not literals: dnd-kit memoises a sensor on its options object, and new sensors on every
// render gave every draggable row new activators, re-rendering all 200 rows of a large form per keystroke.
const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };

type Tab = 'design' | 'permissions' | 'preview' | 'changes' | 'json';
const TABS: readonly Tab[] = ['design', 'permissions', 'preview', 'changes', 'json'];

function pathOf(selection: Selection): string {
  return selection.column === undefined ? selection.field : `${selection.field}.${selection.column}`;
}

/**
 * Replaces or removes the selected field (or column); formulas, rules and permissions follow a new key or
 * go with the field, and sections keep their place.
 */
function replaceField(model: DesignForm, selection: Selection, next: DesignField | null): DesignForm {
  const path = pathOf(selection);
  const moved = next === null ? movePath(model, path, null) : next.name === (selection.column ?? selection.field) ? model : movePath(model, path, selection.column === undefined ? next.name : `${selection.field}.${next.name}`);
  if (selection.column === undefined) return next === null ? removeItem(moved, `field:${selection.field}`) : replaceItemField(moved, selection.field, next);
  const fields = moved.fields.map((field) => {
    if (field.name !== selection.field) return field;
    const columns = (field.columns ?? []).flatMap((column) => (column.name !== selection.column ? [column] : next === null ? [] : [next]));
    return { ...field, columns };
  });
  return { ...moved, fields };
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
  const actions = useDraftActions(draft);
  const [tab, setTab] = useState<Tab>('design');
  const [selection, setSelectionState] = useState<Selection | null>(null);
  const [section, setSection] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'publish' | 'keys' | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
  const { model } = draft;
  // Only the preview renders the definition; the page must not build it on every keystroke.
  const definition = useMemo(() => (tab === 'preview' ? toDefinition(model) : undefined), [model, tab]);
  const items = useMemo(() => canvasItems(model), [model]);
  const lastMarks = useRef<ReadonlyMap<string, RowMarks>>(new Map());
  const marks = useMemo(() => (lastMarks.current = rowMarks(model, lastMarks.current)), [model]);
  const selectedSection = model.sections?.find((candidate) => candidate.id === section);

  // A field or a section is selected, never both.
  function setSelection(next: Selection | null) {
    setSelectionState(next);
    setSection(null);
  }
  function selectSection(id: string) {
    setSelectionState(null);
    setSection(id);
  }

  const selected = useMemo(() => {
    if (selection === null) return undefined;
    const field = model.fields.find((candidate) => candidate.name === selection.field);
    if (selection.column === undefined || field === undefined) return field === undefined ? undefined : { field, siblings: model.fields.map((other) => other.name).filter((name) => name !== field.name) };
    const column = field.columns?.find((candidate) => candidate.name === selection.column);
    return column === undefined ? undefined : { field: column, siblings: (field.columns ?? []).map((other) => other.name).filter((name) => name !== column.name) };
  }, [model, selection]);

  function addField(type: FieldType, at = items.length) {
    const field = newField(type, model.fields.map((existing) => existing.name));
    draft.setModel(insertItem(model, { kind: 'field', field }, at));
    setSelection({ field: field.name });
  }

  function addSection(at = items.length) {
    const id = newSectionId(model);
    draft.setModel(insertItem(model, { kind: 'section', section: { id, title: { 'zh-CN': translate('zh-CN', 'designer.section.properties'), en: translate('en', 'designer.section.properties') } } }, at));
    selectSection(id);
  }

  function addComputed(at = items.length) {
    const added = addComputedField(model, model.fields.length, { 'zh-CN': translate('zh-CN', 'designer.type.computed'), en: translate('en', 'designer.type.computed') });
    const placed = canvasItems(added.form);
    const from = placed.findIndex((item) => itemId(item) === `field:${added.name}`);
    draft.setModel(withItems(added.form, moveItem(placed, from, Math.min(at, placed.length - 1))));
    setSelection({ field: added.name });
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
    const ids = items.map(itemId);
    if (activeId === COMPUTED_PALETTE_ID) {
      if (overId !== undefined) addComputed(dropIndex(overId, ids, ''));
      return;
    }
    if (activeId.startsWith('palette:')) {
      if (overId === undefined) return;
      const at = dropIndex(overId, ids, '');
      if (activeId === 'palette:section') addSection(at);
      else addField(activeId.slice('palette:'.length) as FieldType, at);
      return;
    }
    if (overId === undefined || activeId === overId) return;
    if (ids.includes(activeId) && ids.includes(overId)) {
      draft.setModel(withItems(model, moveItem(items, ids.indexOf(activeId), ids.indexOf(overId))));
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

  // The canvas rows are memoised: they get callbacks that stay the same while calling this render's handlers.
  const latest = useRef({ setSelection, selectSection, addColumn });
  useLayoutEffect(() => {
    latest.current = { setSelection, selectSection, addColumn };
  });
  const onCanvasSelect = useCallback((next: Selection) => latest.current.setSelection(next), []);
  const onCanvasSelectSection = useCallback((next: string) => latest.current.selectSection(next), []);
  const onCanvasAddColumn = useCallback((table: string, type: FieldType) => latest.current.addColumn(table, type), []);

  const selectedId = section !== null ? `section:${section}` : selection !== null && selection.column === undefined ? `field:${selection.field}` : null;
  const { canAct } = actions;
  useDesignerShortcuts(
    {
      save: () => (canAct ? void actions.run('save') : undefined),
      publish: () => (canAct ? setDialog('publish') : undefined),
      undo: draft.undo,
      redo: draft.redo,
      duplicate: () => {
        if (selection === null || selection.column !== undefined) return;
        const copied = duplicateField(model, selection.field);
        if (copied === undefined) return;
        draft.setModel(copied.model);
        setSelection({ field: copied.copy });
      },
      delete: () => {
        if (tab !== 'design') return;
        if (section !== null) {
          draft.setModel(removeItem(model, `section:${section}`));
          setSection(null);
        } else if (selection !== null) {
          draft.setModel(replaceField(model, selection, null));
          setSelection(null);
        }
      },
      moveUp: () => (selectedId !== null && tab === 'design' ? draft.setModel(moveItemBy(model, selectedId, -1)) : undefined),
      moveDown: () => (selectedId !== null && tab === 'design' ? draft.setModel(moveItemBy(model, selectedId, 1)) : undefined),
      deselect: () => setSelection(null),
      help: () => setDialog('keys'),
    },
    dialog === null && draft.load.status === 'ready',
  );

  if (draft.load.status === 'loading') return <div className="page-state">{t('app.loading')}</div>;
  if (draft.load.status === 'failed') return <RetryNotice message={describeFailure(draft.load.error, locale)} onRetry={() => window.location.reload()} />;

  return (
    <div className="fd-page" data-testid="form-designer">
      <header className="fd-header">
        <DraftTitle back={{ page: 'designer-forms' }} backLabel="designer.back" title={text(model.title)} draft={draft} />
        <div className="fd-tabs" role="tablist">
          {TABS.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'fd-tab is-active' : 'fd-tab'} onClick={() => setTab(name)} data-testid={`designer-tab-${name}`}>
              {t(`designer.tab.${name}`)}
            </button>
          ))}
        </div>
        <DraftButtons draft={draft} actions={actions} onPublish={() => setDialog('publish')}>
          <button type="button" className="btn fd-icon-button" onClick={() => setDialog('keys')} title={t('designer.keys.open')} aria-label={t('designer.keys.open')} data-testid="designer-keys">
            ?
          </button>
        </DraftButtons>
      </header>
      <DraftNotices actions={actions} />
      {tab === 'design' ? (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <div className="fd-workspace">
            <Palette onAdd={(type) => addField(type)} onAddComputed={() => addComputed()} onAddSection={() => addSection()} />
            <section className="fd-stage" onClick={() => setSelection(null)}>
              <FieldCanvas
                items={items}
                selection={selection}
                onSelect={onCanvasSelect}
                onAddColumn={onCanvasAddColumn}
                selectedSection={section}
                onSelectSection={onCanvasSelectSection}
                marks={marks}
              />
            </section>
            <aside className="fd-properties" aria-label={t('designer.properties')}>
              <h2 className="fd-panel-title">{selectedSection !== undefined ? t('designer.section.properties') : selected === undefined ? t('designer.formProperties') : t('designer.properties')}</h2>
              {selectedSection !== undefined ? (
                <SectionProperties
                  key={selectedSection.id}
                  section={selectedSection}
                  onChange={(next) => draft.setModel({ ...model, sections: (model.sections ?? []).map((candidate) => (candidate.id === next.id ? next : candidate)) })}
                  onDelete={() => {
                    draft.setModel(removeItem(model, `section:${selectedSection.id}`));
                    setSection(null);
                  }}
                />
              ) : selected === undefined ? (
                <FormProperties model={model} onChange={draft.setModel} />
              ) : (
                <FieldProperties
                  key={`${selection?.field}/${selection?.column ?? ''}`}
                  field={selected.field}
                  siblings={selected.siblings}
                  onChange={onFieldChange}
                  extra={<FieldLayoutProps model={model} field={selected.field} table={selection?.column === undefined ? undefined : model.fields.find((field) => field.name === selection.field)} onChange={onFieldChange} />}
                  hideDefault={selection !== null && (computedOf(model, pathOf(selection)) !== undefined || defaultFormulaOf(model, pathOf(selection)) !== undefined)}
                  logic={selection !== null ? <FieldLogicPanel form={model} path={pathOf(selection)} field={selected.field} onChange={draft.setModel} /> : null}
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
      {tab === 'permissions' ? <PermissionsEditor form={model} onChange={draft.setModel} /> : null}
      {definition !== undefined ? <PreviewPane definition={definition} text={draft.text} /> : null}
      {tab === 'changes' ? <ChangesPane id={id} publishedVersion={draft.publishedVersion} draftText={draft.text} /> : null}
      {tab === 'json' ? <JsonView text={draft.text} error={draft.jsonError} hint="designer.jsonHint" onChange={draft.setText} /> : null}
      {dialog === 'publish' ? (
        <PublishDialog
          id={id}
          publishedVersion={draft.publishedVersion}
          draftText={draft.text}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void actions.run('publish');
          }}
        />
      ) : null}
      {dialog === 'keys' ? <ShortcutsHelp onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
