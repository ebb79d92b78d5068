import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import type { LocalizedText, ReportCondition, ReportGroup, ReportMeasure } from '../../../engine/definitions/generated/definition-types.js';
import type { FieldError } from '../../../engine/errors/index.js';
import { useI18n, type I18n } from '../i18n/index.js';
import type { Shelf } from './field-list.js';
import { problemText } from './report-problems.js';
import { isFormulaFilter, type ReportFilter } from './report-model.js';
import type { SourceField } from './source-fields.js';

export type Selection = { readonly shelf: Shelf; readonly index: number };

function ShelfZone({ shelf, title, hint, children, empty, extra }: { shelf: Shelf; title: string; hint: string; children: ReactNode; empty: boolean; extra?: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `shelf:${shelf}` });
  return (
    <section ref={setNodeRef} className={isOver ? 'rd-shelf is-over' : 'rd-shelf'} data-testid={`rd-shelf-${shelf}`}>
      <h3 className="rd-shelf-title">{title}</h3>
      <div className="rd-chips">
        {empty ? <span className="rd-shelf-empty">{hint}</span> : children}
        {extra}
      </div>
    </section>
  );
}

function Chip({ label, detail, selected, problem, onSelect, onRemove, testId, tone }: { label: string; detail?: string; selected: boolean; problem?: string; onSelect: () => void; onRemove?: () => void; testId: string; tone: Shelf }) {
  const { t } = useI18n();
  return (
    <span className={`rd-chip rd-chip-${tone}${selected ? ' is-selected' : ''}${problem !== undefined ? ' has-problem' : ''}`} title={problem} data-problem={problem !== undefined ? 'true' : undefined}>
      <button type="button" className="rd-chip-main" onClick={onSelect} data-testid={testId}>
        <span className="rd-chip-label">{label}</span>
        {detail ? <span className="rd-chip-detail">{detail}</span> : null}
      </button>
      {onRemove ? (
        <button type="button" className="rd-chip-remove" onClick={onRemove} aria-label={t('reportDesigner.remove')} title={t('reportDesigner.remove')} data-testid={`${testId}-remove`}>
          ×
        </button>
      ) : null}
    </span>
  );
}

export interface ShelvesProps {
  readonly groups: readonly ReportGroup[];
  readonly measures: readonly ReportMeasure[];
  readonly filters: readonly ReportFilter[];
  readonly fields: readonly SourceField[];
  readonly selection: Selection | null;
  /** What the preview's checks said, by JSON pointer into the draft: the chip it points into is marked. */
  readonly problems: readonly FieldError[];
  readonly onSelect: (selection: Selection) => void;
  readonly onRemove: (selection: Selection) => void;
  /** Adds a filter written as a formula over the source's fields. */
  readonly onAddFormula?: () => void;
}

/** Dimensions, measures and filters as chips; fields are dropped here from the field list. */
const MEMBERS: Record<Shelf, string> = { groups: 'groupBy', measures: 'measures', filters: 'filters' };

export function Shelves({ groups, measures, filters, fields, selection, problems, onSelect, onRemove, onAddFormula }: ShelvesProps) {
  const { t, text } = useI18n();
  const labelOf = (path: string | undefined): string => {
    if (path === undefined) return '';
    const field = fields.find((candidate) => candidate.path === path);
    return field === undefined ? path : text(field.label);
  };
  const optionLabel = (path: string, value: unknown): string => {
    const option = fields.find((candidate) => candidate.path === path)?.options?.find((entry) => entry.value === value);
    return option === undefined ? String(value) : text(option.label);
  };
  const shown = (label: LocalizedText | undefined, fallback: string) => (label === undefined ? fallback : text(label, fallback));
  const is = (shelf: Shelf, index: number) => selection?.shelf === shelf && selection.index === index;
  const problemAt = (shelf: Shelf, index: number): string | undefined => {
    const prefix = `/${MEMBERS[shelf]}/${index}`;
    const found = problems.filter((problem) => problem.pointer === prefix || problem.pointer.startsWith(`${prefix}/`));
    return found.length === 0 ? undefined : found.map((problem) => problemText(problem, t)).join('; ');
  };
  return (
    <div className="rd-shelves">
      <ShelfZone shelf="groups" title={t('reportDesigner.shelf.groups')} hint={t('reportDesigner.shelfHint.groups')} empty={groups.length === 0}>
        {groups.map((group, index) => (
          <Chip
            key={`${group.as}-${index}`}
            tone="groups"
            label={shown(group.label, labelOf(group.field))}
            detail={group.bucket ? t(`reportDesigner.bucket.${group.bucket}`) : undefined}
            selected={is('groups', index)}
            problem={problemAt('groups', index)}
            onSelect={() => onSelect({ shelf: 'groups', index })}
            onRemove={() => onRemove({ shelf: 'groups', index })}
            testId={`rd-group-${index}`}
          />
        ))}
      </ShelfZone>
      <ShelfZone shelf="measures" title={t('reportDesigner.shelf.measures')} hint={t('reportDesigner.shelfHint.measures')} empty={measures.length === 0}>
        {measures.map((measure, index) => (
          <Chip
            key={`${measure.id}-${index}`}
            tone="measures"
            label={text(measure.label, measure.id)}
            detail={`${t(`reportDesigner.agg.${measure.agg}`)}${measure.field ? ` · ${labelOf(measure.field)}` : ''}${measure.where ? ` · ${t('reportDesigner.conditional')}` : ''}`}
            selected={is('measures', index)}
            problem={problemAt('measures', index)}
            onSelect={() => onSelect({ shelf: 'measures', index })}
            onRemove={measures.length > 1 ? () => onRemove({ shelf: 'measures', index }) : undefined}
            testId={`rd-measure-${index}`}
          />
        ))}
      </ShelfZone>
      <ShelfZone
        shelf="filters"
        title={t('reportDesigner.shelf.filters')}
        hint={t('reportDesigner.shelfHint.filters')}
        empty={filters.length === 0}
        extra={
          onAddFormula === undefined ? null : (
            <button type="button" className="rd-add-formula" onClick={onAddFormula} data-testid="rd-add-formula">
              + {t('reportDesigner.formulaFilter')}
            </button>
          )
        }
      >
        {filters.map((filter, index) =>
          isFormulaFilter(filter) ? (
            <Chip
              key={`formula-${index}`}
              tone="filters"
              label={t('reportDesigner.formulaFilter')}
              detail={filter.formula}
              selected={is('filters', index)}
              problem={problemAt('filters', index)}
              onSelect={() => onSelect({ shelf: 'filters', index })}
              onRemove={() => onRemove({ shelf: 'filters', index })}
              testId={`rd-filter-${index}`}
            />
          ) : (
            <Chip
              key={`${filter.field}-${index}`}
              tone="filters"
              label={labelOf(filter.field)}
              detail={`${t(`reportDesigner.op.${filter.op}`)} ${conditionValue(filter, t, labelOf, (value) => optionLabel(filter.field, value))}`}
              selected={is('filters', index)}
              problem={problemAt('filters', index)}
              onSelect={() => onSelect({ shelf: 'filters', index })}
              onRemove={() => onRemove({ shelf: 'filters', index })}
              testId={`rd-filter-${index}`}
            />
          ),
        )}
      </ShelfZone>
    </div>
  );
}

export function conditionValue(condition: ReportCondition, t: I18n['t'], labelOf: (path: string) => string, valueLabel: (value: unknown) => string): string {
  if (condition.op === 'isNull' || condition.op === 'notNull') return '';
  if (condition.today === true) return t('reportDesigner.value.today');
  if (condition.param !== undefined) return t('reportDesigner.value.param', { name: condition.param });
  if (condition.ref !== undefined) return labelOf(condition.ref);
  if (Array.isArray(condition.value)) return condition.value.map(valueLabel).join(condition.op === 'between' ? ' – ' : ', ');
  return condition.value === undefined ? '' : valueLabel(condition.value);
}
