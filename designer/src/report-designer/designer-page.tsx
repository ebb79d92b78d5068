import { DndContext, DragOverlay, pointerWithin, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useEffect, useMemo, useState } from 'react';
import type { ReportJoin } from '../../../engine/definitions/generated/definition-types.js';
import type { ParameterSchema } from '../api/index.js';
import { DraftButtons, DraftNotices, DraftTitle, JsonView, useDefinitionDraft, useDraftActions, useUndoKeys } from '../definition-drafts/index.js';
import { translate, useI18n } from '../i18n/index.js';
import { initialParameters, useReportCatalog } from '../reports/index.js';
import { href } from '../routing/index.js';
import { describeFailure, RetryNotice, useDefinitions } from '../shell/index.js';
import { FieldDragSensor } from './field-drag-sensor.js';
import { FieldList, type Shelf } from './field-list.js';
import { defaultCondition, FilterProperties } from './filter-properties.js';
import { starterFormula } from './formula-filter-fields.js';
import { FormulaFilterProperties } from './formula-filter-properties.js';
import { GroupProperties, MeasureProperties } from './item-properties.js';
import { PreviewPanel } from './preview-panel.js';
import { reportCodec } from './report-codec.js';
import { ReportProperties } from './report-properties.js';
import * as edit from './report-model.js';
import { Shelves, type Selection } from './shelves.js';
import { SourcePicker } from './source-picker.js';
import { isDateLike, sourceFields, type SourceField } from './source-fields.js';
import { useDraftPreview } from './use-draft-preview.js';
// The designers share one look: header, tabs, panels and properties come from the form designer's sheet.
import '../form-designer/form-designer.css';
import './report-designer.css';

// A constant: dnd-kit memoises a sensor on its options object (a literal made new sensors every render).
const DRAG_OPTIONS = { distance: 5 };

type Tab = 'design' | 'json';

/** A new measure's label, written in both languages whichever the designer reads. */
function measureLabel(agg: edit.Aggregate, field: SourceField) {
  if (agg === 'sum') return field.label;
  return { 'zh-CN': translate('zh-CN', 'reportDesigner.distinctLabel', { label: field.label['zh-CN'] }), en: translate('en', 'reportDesigner.distinctLabel', { label: field.label.en }) };
}

export function ReportDesignerPage({ id }: { id: string }) {
  const { t, text, locale } = useI18n();
  const { forms } = useDefinitions();
  const catalog = useReportCatalog();
  const draft = useDefinitionDraft('report', id, reportCodec);
  const [tab, setTab] = useState<Tab>('design');
  const [selection, setSelection] = useState<Selection | null>(null);
  const [dragging, setDragging] = useState<SourceField | null>(null);
  // A published report shows in the reports menu at once.
  const actions = useDraftActions(draft, { onPublished: () => catalog.reload() });
  const sensors = useSensors(useSensor(FieldDragSensor, DRAG_OPTIONS));
  useUndoKeys(draft);

  const definition = draft.model.definition;
  const source = edit.sourceOf(definition);
  const formsById = useMemo(() => new Map(forms.map((form) => [form.id, form])), [forms]);
  const joins = (Array.isArray(definition.joins) ? definition.joins : []) as ReportJoin[];
  const fields = useMemo(() => sourceFields(source, formsById, joins), [JSON.stringify(source), formsById, JSON.stringify(joins)]);
  const groups = edit.groupsOf(definition);
  const measures = edit.measuresOf(definition);
  const filters = edit.filtersOf(definition);
  const chart = edit.chartOf(definition);
  const schema = edit.isObject(definition.parameters) ? (definition.parameters as ParameterSchema) : undefined;
  const schemaKey = JSON.stringify(schema ?? null);
  const [parameters, setParameters] = useState<Record<string, unknown>>(() => initialParameters(schema));
  useEffect(() => setParameters(initialParameters(schema)), [schemaKey]);
  const needsSource = fields.length === 0;
  const preview = useDraftPreview(draft.text, parameters, draft.load.status === 'ready' && draft.jsonError === null && !needsSource);
  const keys = [...groups.map((group) => group.as), ...measures.map((measure) => measure.id)];
  const parameterNames = schema?.properties === undefined ? [] : Object.keys(schema.properties);

  const change = (next: edit.JsonObject) => {
    if (next !== definition) draft.setModel({ ...draft.model, definition: next });
  };

  function addToShelf(field: SourceField, shelf: Shelf) {
    if (shelf === 'groups') {
      change(edit.addGroup(definition, field.path, field.label, isDateLike(field.type) ? 'month' : undefined));
      setSelection({ shelf, index: groups.length });
    } else if (shelf === 'measures') {
      const agg = field.type === 'number' ? 'sum' : 'countDistinct';
      change(edit.addMeasure(definition, agg, field.path, measureLabel(agg, field)));
      setSelection({ shelf, index: measures.length });
    } else {
      change(edit.addFilter(definition, defaultCondition(field)));
      setSelection({ shelf, index: filters.length });
    }
  }

  function remove({ shelf, index }: Selection) {
    if (shelf === 'groups') change(edit.removeGroup(definition, index));
    else if (shelf === 'measures') change(edit.removeMeasure(definition, index));
    else change(edit.removeFilter(definition, index));
    setSelection(null);
  }

  function onDragStart({ active }: DragStartEvent) {
    setDragging((active.data.current as { field?: SourceField } | undefined)?.field ?? null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    const field = (active.data.current as { field?: SourceField } | undefined)?.field;
    const target = over === null ? undefined : String(over.id);
    if (field === undefined || target === undefined || !target.startsWith('shelf:')) return;
    addToShelf(field, target.slice('shelf:'.length) as Shelf);
  }

  if (draft.load.status === 'loading') return <div className="page-state">{t('app.loading')}</div>;
  if (draft.load.status === 'failed') return <RetryNotice message={describeFailure(draft.load.error, locale)} onRetry={() => window.location.reload()} />;

  const selectedGroup = selection?.shelf === 'groups' ? groups[selection.index] : undefined;
  const selectedMeasure = selection?.shelf === 'measures' ? measures[selection.index] : undefined;
  const selectedFilter = selection?.shelf === 'filters' ? filters[selection.index] : undefined;
  const title = edit.isObject(definition.title) ? (definition.title as { 'zh-CN': string; en: string }) : { 'zh-CN': id, en: id };

  return (
    <div className="fd-page rd-page" data-testid="report-designer">
      <header className="fd-header">
        <DraftTitle back={{ page: 'designer-reports' }} backLabel="reportDesigner.back" title={text(title, id)} draft={draft} />
        <div className="fd-tabs" role="tablist">
          {(['design', 'json'] as const).map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'fd-tab is-active' : 'fd-tab'} onClick={() => setTab(name)} data-testid={`designer-tab-${name}`}>
              {t(`designer.tab.${name}`)}
            </button>
          ))}
        </div>
        <DraftButtons draft={draft} actions={actions} />
      </header>
      <DraftNotices
        actions={actions}
        published={
          <p className="rd-published">
            <a href={href({ page: 'report', id })} data-testid="rd-open-report">
              {t('reportDesigner.openInReports')} ›
            </a>
          </p>
        }
      />
      {tab === 'json' ? <JsonView text={draft.text} error={draft.jsonError} hint="reportDesigner.jsonHint" onChange={draft.setText} /> : null}
      {tab === 'design' ? (
        // A field lands on the shelf under the pointer. The default (the dragged row's rectangle) moves
        // with the field list when dnd-kit scrolls it during the drag, and dropped fields from the foot
        // of the list on the shelf below the pointer.
        <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
          <div className="rd-workspace">
            <aside className="rd-data" aria-label={t('reportDesigner.data')}>
              <h2 className="fd-panel-title">{t('reportDesigner.data')}</h2>
              <SourcePicker
                source={source}
                forms={forms}
                onChange={(next) => {
                  change(edit.setSource(definition, next));
                  setSelection(null);
                }}
              />
              <FieldList fields={fields} sourceChosen={Object.keys(source).length > 0} onAdd={addToShelf} />
            </aside>
            <section className="rd-stage">
              <Shelves
                groups={groups}
                measures={measures}
                filters={filters}
                fields={fields}
                selection={selection}
                problems={preview.status === 'invalid' ? preview.problems : []}
                onSelect={setSelection}
                onRemove={remove}
                onAddFormula={
                  needsSource
                    ? undefined
                    : () => {
                        change(edit.addFilter(definition, { formula: starterFormula(fields, 'form' in source) }));
                        setSelection({ shelf: 'filters', index: filters.length });
                      }
                }
              />
              <PreviewPanel
                chart={chart.type}
                onChart={(type) => change(edit.setChart(definition, { type }))}
                preview={preview}
                schema={schema}
                parameters={parameters}
                onParameters={setParameters}
                needsSource={needsSource}
              />
            </section>
            <aside className="fd-properties rd-properties" aria-label={t('designer.properties')}>
              <div className="rd-properties-head">
                <h2 className="fd-panel-title">{selection === null ? t('reportDesigner.reportProperties') : t(`reportDesigner.properties.${selection.shelf}`)}</h2>
                {selection !== null ? (
                  <button type="button" className="btn btn-small" onClick={() => setSelection(null)} data-testid="rd-deselect">
                    {t('reportDesigner.done')}
                  </button>
                ) : null}
              </div>
              {selectedGroup !== undefined && selection !== null ? (
                <GroupProperties key={`g${selection.index}`} group={selectedGroup} fields={fields} taken={keys.filter((key) => key !== selectedGroup.as)}
                  position={{ index: selection.index, count: groups.length, onMove: (to) => (change(edit.moveGroup(definition, selection.index, to)), setSelection({ shelf: 'groups', index: to })) }}
                  onChange={(patch) => change(edit.updateGroup(definition, selection.index, patch))} />
              ) : null}
              {selectedMeasure !== undefined && selection !== null ? (
                <MeasureProperties key={`m${selection.index}`} measure={selectedMeasure} fields={fields} taken={keys.filter((key) => key !== selectedMeasure.id)}
                  position={{ index: selection.index, count: measures.length, onMove: (to) => (change(edit.moveMeasure(definition, selection.index, to)), setSelection({ shelf: 'measures', index: to })) }}
                  onChange={(patch) => change(edit.updateMeasure(definition, selection.index, patch))} />
              ) : null}
              {selectedFilter !== undefined && selection !== null && edit.isFormulaFilter(selectedFilter) ? (
                <FormulaFilterProperties key={`x${selection.index}`} filter={selectedFilter} fields={fields} source={source} forms={formsById} onChange={(filter) => change(edit.replaceFilter(definition, selection.index, filter))} />
              ) : null}
              {selectedFilter !== undefined && selection !== null && !edit.isFormulaFilter(selectedFilter) ? (
                <FilterProperties key={`f${selection.index}`} condition={selectedFilter} fields={fields} parameters={parameterNames} onChange={(condition) => change(edit.replaceFilter(definition, selection.index, condition))}
                  onPick={(field) => change(edit.pickFilterValue(definition, selection.index, field))}
                />
              ) : null}
              {selection === null || (selectedGroup === undefined && selectedMeasure === undefined && selectedFilter === undefined) ? (
                <ReportProperties
                  title={title}
                  groups={groups}
                  measures={measures}
                  chart={chart}
                  sort={edit.sortOf(definition)}
                  limit={edit.limitOf(definition)}
                  dateFields={fields.filter((field) => isDateLike(field.type))}
                  dateRangeField={edit.dateRangeField(definition)}
                  onTitle={(next) => change(edit.setTitle(definition, next))}
                  onChart={(patch) => change(edit.setChart(definition, patch))}
                  onSort={(sort) => change(edit.setSort(definition, sort))}
                  onLimit={(limit) => change(edit.setLimit(definition, limit))}
                  onDateRange={(field) => change(edit.setDateRange(definition, field))}
                  problems={preview.status === 'invalid' ? preview.problems : []}
                />
              ) : null}
            </aside>
          </div>
          <DragOverlay dropAnimation={null}>{dragging !== null ? <div className="rd-drag-ghost">{text(dragging.label)}</div> : null}</DragOverlay>
        </DndContext>
      ) : null}
    </div>
  );
}
