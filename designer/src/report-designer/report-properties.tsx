import type { LocalizedText, ReportChart, ReportGroup, ReportMeasure, ReportSort } from '../../../engine/definitions/generated/definition-types.js';
import type { FieldError } from '../../../engine/errors/index.js';
import { Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { FieldSelect, LabelInputs } from './prop-inputs.js';
import { problemText } from './report-problems.js';
import type { SourceField } from './source-fields.js';

export interface ReportPropertiesProps {
  readonly title: LocalizedText;
  readonly groups: readonly ReportGroup[];
  readonly measures: readonly ReportMeasure[];
  readonly chart: ReportChart;
  readonly sort: readonly ReportSort[];
  readonly limit: number | undefined;
  readonly dateFields: readonly SourceField[];
  readonly dateRangeField: string | undefined;
  readonly onTitle: (title: LocalizedText) => void;
  readonly onChart: (patch: Partial<ReportChart>) => void;
  readonly onSort: (sort: readonly ReportSort[]) => void;
  readonly onLimit: (limit: number | undefined) => void;
  readonly onDateRange: (field: string | undefined) => void;
  /** The preview's problems: those of the chart's keys and the sort are shown at their controls. */
  readonly problems: readonly FieldError[];
}

/** A key the definition names that no dimension or measure has: kept selectable, so the control shows what is wrong. */
function Dangling({ value, known }: { value: string | undefined; known: readonly string[] }) {
  return value === undefined || value === '' || known.includes(value) ? null : <option value={value}>{value}</option>;
}

/** The report as a whole: its name, the period users pick, how the chart is drawn, order and row limit. */
export function ReportProperties(props: ReportPropertiesProps) {
  const { t, text } = useI18n();
  const { groups, measures, chart, sort } = props;
  const drawn = chart.y ?? measures.map((measure) => measure.id);
  const first = sort[0];
  const keyLabel = (key: string) => {
    const group = groups.find((entry) => entry.as === key);
    const measure = measures.find((entry) => entry.id === key);
    return group ? text(group.label, key) : measure ? text(measure.label, key) : key;
  };
  const axes = chart.type === 'bar' || chart.type === 'line' || chart.type === 'pie' || chart.type === 'pivot';
  const groupKeys = groups.map((group) => group.as);
  const problemAt = (prefix: string) => {
    const found = props.problems.filter((problem) => problem.pointer === prefix || problem.pointer.startsWith(`${prefix}/`));
    return found.length === 0 ? undefined : (
      <span className="rd-prop-problem" data-testid={`rd-problem${prefix.replaceAll('/', '-')}`}>
        {found.map((problem) => problemText(problem, t)).join('; ')}
      </span>
    );
  };
  return (
    <div className="fd-props" data-testid="rd-report-properties">
      <LabelInputs value={props.title} onChange={props.onTitle} testId="rd-title" naming="name" />
      <Prop label={t('reportDesigner.dateRange')}>
        <FieldSelect value={props.dateRangeField} fields={props.dateFields} onChange={props.onDateRange} testId="rd-date-range" allowNone={t('reportDesigner.dateRange.none')} />
      </Prop>
      <p className="fd-hint">{t('reportDesigner.dateRangeHint')}</p>
      {axes && groups.length > 0 ? (
        <div className="fd-prop-pair">
          <Prop label={chart.type === 'pivot' ? t('reportDesigner.rows') : t('reportDesigner.axis')} hint={problemAt('/chart/x')}>
            <select value={chart.x ?? ''} onChange={(event) => props.onChart({ x: event.target.value === '' ? undefined : event.target.value })} data-testid="rd-chart-x">
              <option value="">{t('reportDesigner.auto')}</option>
              <Dangling value={chart.x} known={groupKeys} />
              {groups.map((group) => (
                <option key={group.as} value={group.as}>
                  {keyLabel(group.as)}
                </option>
              ))}
            </select>
          </Prop>
          {chart.type !== 'pie' ? (
            <Prop label={chart.type === 'pivot' ? t('reportDesigner.columns') : t('reportDesigner.series')} hint={problemAt('/chart/series')}>
              <select value={chart.series ?? ''} onChange={(event) => props.onChart({ series: event.target.value === '' ? undefined : event.target.value })} data-testid="rd-chart-series">
                <option value="">{t('reportDesigner.none')}</option>
                <Dangling value={chart.series} known={groupKeys} />
                {groups
                  .filter((group) => group.as !== (chart.x ?? groups[0]?.as))
                  .map((group) => (
                    <option key={group.as} value={group.as}>
                      {keyLabel(group.as)}
                    </option>
                  ))}
              </select>
            </Prop>
          ) : null}
        </div>
      ) : null}
      {chart.type !== 'table' && measures.length > 1 ? (
        <div className="fd-prop">
          <span className="fd-prop-label">{t('reportDesigner.drawn')}</span>
          <div className="rd-checks">
            {measures.map((measure) => (
              <label key={measure.id} className="fd-check">
                <input
                  type="checkbox"
                  checked={drawn.includes(measure.id)}
                  onChange={(event) => {
                    const next = event.target.checked ? measures.map((entry) => entry.id).filter((id) => id === measure.id || drawn.includes(id)) : drawn.filter((id) => id !== measure.id);
                    if (next.length > 0) props.onChart({ y: next.length === measures.length && chart.y === undefined ? undefined : next });
                  }}
                />
                {keyLabel(measure.id)}
              </label>
            ))}
          </div>
          {problemAt('/chart/y')}
        </div>
      ) : null}
      <div className="fd-prop-pair">
        <Prop label={t('reportDesigner.sortBy')} hint={problemAt('/sort')}>
          <select value={first?.by ?? ''} onChange={(event) => props.onSort(event.target.value === '' ? [] : [{ by: event.target.value, dir: first?.dir ?? 'desc' }, ...sort.slice(1)])} data-testid="rd-sort-by">
            <option value="">{t('reportDesigner.sort.default')}</option>
            <Dangling value={first?.by} known={[...groupKeys, ...measures.map((measure) => measure.id)]} />
            {[...groups.map((group) => group.as), ...measures.map((measure) => measure.id)].map((key) => (
              <option key={key} value={key}>
                {keyLabel(key)}
              </option>
            ))}
          </select>
        </Prop>
        <Prop label={t('reportDesigner.sortDir')}>
          <select value={first?.dir ?? 'asc'} disabled={first === undefined} onChange={(event) => first && props.onSort([{ by: first.by, dir: event.target.value as 'asc' | 'desc' }, ...sort.slice(1)])} data-testid="rd-sort-dir">
            <option value="asc">{t('reportDesigner.sort.asc')}</option>
            <option value="desc">{t('reportDesigner.sort.desc')}</option>
          </select>
        </Prop>
      </div>
      <Prop label={t('reportDesigner.limit')}>
        <input
          type="number"
          min={1}
          max={10000}
          placeholder={t('reportDesigner.limit.none')}
          value={props.limit ?? ''}
          onChange={(event) => {
            const value = Number.parseInt(event.target.value, 10);
            props.onLimit(Number.isFinite(value) ? Math.min(10000, Math.max(1, value)) : undefined);
          }}
          data-testid="rd-limit"
        />
      </Prop>
    </div>
  );
}
