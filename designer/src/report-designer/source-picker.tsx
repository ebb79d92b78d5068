import type { FormDefinition, ReportSource } from '../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../i18n/index.js';
import { subTables } from './source-fields.js';

/** A source as one select value: `form:<id>`, `lines:<form>:<table>`, `workflow:<kind>`, `planRun:<kind>`. */
export function sourceKey(source: Partial<ReportSource>): string {
  if ('workflow' in source && source.workflow !== undefined) return `workflow:${source.workflow}`;
  if ('planRun' in source && source.planRun !== undefined) return `planRun:${source.planRun}`;
  if ('form' in source && source.form !== undefined) return source.lines === undefined ? `form:${source.form}` : `lines:${source.form}:${source.lines}`;
  return '';
}

export function sourceOfKey(key: string): ReportSource | undefined {
  const [kind, first, second] = key.split(':');
  if (kind === 'form' && first) return { form: first };
  if (kind === 'lines' && first && second) return { form: first, lines: second };
  if (kind === 'workflow' && (first === 'instances' || first === 'tasks' || first === 'events')) return { workflow: first };
  if (kind === 'planRun' && (first === 'exceptions' || first === 'plannedOrders')) return { planRun: first };
  return undefined;
}

export function SourcePicker({ source, forms, onChange }: { source: Partial<ReportSource>; forms: readonly FormDefinition[]; onChange: (source: ReportSource) => void }) {
  const { t, text } = useI18n();
  const current = sourceKey(source);
  // A workflow source narrowed to one workflow keeps that narrowing: it is carried, not offered.
  const narrowed = 'workflow' in source && source.definition !== undefined;
  return (
    <label className="rd-source">
      <span className="fd-prop-label">{t('reportDesigner.source')}</span>
      <select
        value={current}
        onChange={(event) => {
          const next = sourceOfKey(event.target.value);
          if (next !== undefined) onChange(narrowed && 'workflow' in next ? { ...next, definition: source.definition } : next);
        }}
        data-testid="rd-source"
      >
        {current === '' ? <option value="">{t('reportDesigner.pickSource')}</option> : null}
        <optgroup label={t('reportDesigner.source.forms')}>
          {forms.map((form) => (
            <option key={form.id} value={`form:${form.id}`}>
              {text(form.title)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('reportDesigner.source.lines')}>
          {forms.flatMap((form) =>
            subTables(form).map((table) => (
              <option key={`${form.id}:${table.name}`} value={`lines:${form.id}:${table.name}`}>
                {text(form.title)} · {text(table.label)}
              </option>
            )),
          )}
        </optgroup>
        <optgroup label={t('reportDesigner.source.workflow')}>
          {(['instances', 'tasks', 'events'] as const).map((kind) => (
            <option key={kind} value={`workflow:${kind}`}>
              {t(`reportDesigner.source.workflow.${kind}`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('reportDesigner.source.planRun')}>
          {(['exceptions', 'plannedOrders'] as const).map((kind) => (
            <option key={kind} value={`planRun:${kind}`}>
              {t(`reportDesigner.source.planRun.${kind}`)}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
