import type { ReportGroup, ReportMeasure } from '../../../engine/definitions/generated/definition-types.js';
import { Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import { FieldSelect, LabelInputs, MoveButtons, toName } from './prop-inputs.js';
import type { Aggregate, Bucket, MeasureFormat } from './report-model.js';
import { isDateLike, type SourceField } from './source-fields.js';

const BUCKETS: readonly Bucket[] = ['day', 'week', 'month'];
const AGGREGATES: readonly Aggregate[] = ['count', 'sum', 'avg', 'min', 'max', 'countDistinct'];
const FORMATS: readonly MeasureFormat[] = ['number', 'percent', 'money', 'duration'];

interface Position {
  readonly index: number;
  readonly count: number;
  readonly onMove: (to: number) => void;
}

export function GroupProperties({ group, fields, taken, position, onChange }: { group: ReportGroup; fields: readonly SourceField[]; taken: readonly string[]; position: Position; onChange: (patch: Partial<ReportGroup>) => void }) {
  const { t } = useI18n();
  const field = fields.find((candidate) => candidate.path === group.field);
  const label = group.label ?? field?.label ?? { 'zh-CN': group.as, en: group.as };
  return (
    <div className="fd-props" data-testid="rd-group-properties">
      <Prop label={t('reportDesigner.field')}>
        <FieldSelect
          value={group.field}
          fields={fields}
          testId="rd-group-field"
          onChange={(path) => {
            const next = fields.find((candidate) => candidate.path === path);
            if (next !== undefined) onChange({ field: next.path, bucket: isDateLike(next.type) ? (group.bucket ?? 'month') : undefined, label: next.label });
          }}
        />
      </Prop>
      {field !== undefined && isDateLike(field.type) ? (
        <div className="rd-segments" role="radiogroup" aria-label={t('reportDesigner.bucket')}>
          {[undefined, ...BUCKETS].map((bucket) => (
            <button key={bucket ?? 'none'} type="button" role="radio" aria-checked={group.bucket === bucket} className={group.bucket === bucket ? 'rd-segment is-active' : 'rd-segment'} onClick={() => onChange({ bucket })} data-testid={`rd-bucket-${bucket ?? 'none'}`}>
              {bucket === undefined ? t('reportDesigner.bucket.none') : t(`reportDesigner.bucket.${bucket}`)}
            </button>
          ))}
        </div>
      ) : null}
      <LabelInputs value={label} onChange={(next) => onChange({ label: next })} testId="rd-group-label" />
      <Prop label={t('reportDesigner.key')}>
        <input
          value={group.as}
          onChange={(event) => {
            const name = toName(event.target.value);
            if (name !== '' && !taken.includes(name)) onChange({ as: name });
          }}
          data-testid="rd-group-key"
        />
      </Prop>
      <MoveButtons {...position} testId="rd-group-move" />
    </div>
  );
}

export function MeasureProperties({ measure, fields, taken, position, onChange }: { measure: ReportMeasure; fields: readonly SourceField[]; taken: readonly string[]; position: Position; onChange: (patch: Partial<ReportMeasure>) => void }) {
  const { t } = useI18n();
  const numeric = fields.filter((field) => field.type === 'number');
  // Sum and average need numbers; min, max and distinct count also take dates and text.
  const candidates = measure.agg === 'sum' || measure.agg === 'avg' ? numeric : fields;
  const chooseAgg = (agg: Aggregate) => {
    if (agg === 'count') return onChange({ agg, field: undefined, times: undefined });
    const keeps = measure.field !== undefined && (agg === 'sum' || agg === 'avg' ? numeric : fields).some((field) => field.path === measure.field);
    onChange({ agg, field: keeps ? measure.field : (agg === 'sum' || agg === 'avg' ? numeric : fields)[0]?.path, times: agg === 'sum' ? measure.times : undefined });
  };
  return (
    <div className="fd-props" data-testid="rd-measure-properties">
      <Prop label={t('reportDesigner.aggregate')}>
        <select value={measure.agg} onChange={(event) => chooseAgg(event.target.value as Aggregate)} data-testid="rd-measure-agg" disabled={measure.agg === 'ratio'}>
          {measure.agg === 'ratio' ? <option value="ratio">{t('reportDesigner.agg.ratio')}</option> : null}
          {AGGREGATES.map((agg) => (
            <option key={agg} value={agg} disabled={agg !== 'count' && (agg === 'sum' || agg === 'avg' ? numeric : fields).length === 0}>
              {t(`reportDesigner.agg.${agg}`)}
            </option>
          ))}
        </select>
      </Prop>
      {measure.agg !== 'count' ? (
        <Prop label={t('reportDesigner.field')}>
          <FieldSelect value={measure.field} fields={candidates} onChange={(field) => onChange({ field })} testId="rd-measure-field" allowNone={measure.agg === 'ratio' ? t('reportDesigner.none') : undefined} />
        </Prop>
      ) : null}
      <LabelInputs value={measure.label} onChange={(label) => onChange({ label })} testId="rd-measure-label" />
      <Prop label={t('reportDesigner.format')}>
        <select value={measure.format ?? ''} onChange={(event) => onChange({ format: event.target.value === '' ? undefined : (event.target.value as MeasureFormat) })} data-testid="rd-measure-format">
          <option value="">{t('reportDesigner.format.auto')}</option>
          {FORMATS.map((format) => (
            <option key={format} value={format}>
              {t(`reportDesigner.format.${format}`)}
            </option>
          ))}
        </select>
      </Prop>
      <Prop label={t('reportDesigner.key')}>
        <input
          value={measure.id}
          onChange={(event) => {
            const name = toName(event.target.value);
            if (name !== '' && !taken.includes(name)) onChange({ id: name });
          }}
          data-testid="rd-measure-key"
        />
      </Prop>
      <MoveButtons {...position} testId="rd-measure-move" />
      {measure.where !== undefined ? <p className="fd-hint">{t('reportDesigner.whereKept', { count: measure.where.length })}</p> : null}
    </div>
  );
}
