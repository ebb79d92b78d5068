import type { ReportResult } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { drawnMeasures } from './chart-model.js';
import { formatMeasure } from './measure-format.js';

/**
 * A KPI card: the first measure of the first row, large; the other measures beside it (the target,
 * last period, the count it is computed over), each with its label. A percentage gets a bar.
 */
export function KpiCard({ result, title, onDrill }: { result: ReportResult; title?: string; onDrill?: () => void }) {
  const { text, locale } = useI18n();
  const [main, ...others] = drawnMeasures(result, result.chart);
  const row = result.rows[0] ?? {};
  if (!main) return null;
  const value = row[main.key];
  const fraction = main.type === 'percent' && typeof value === 'number' ? Math.max(0, Math.min(1, value)) : undefined;
  const Tag = onDrill ? 'button' : 'div';
  return (
    <Tag type={onDrill ? 'button' : undefined} className={onDrill ? 'kpi kpi-clickable' : 'kpi'} onClick={onDrill} data-testid="kpi">
      <span className="kpi-label">{title ?? text(main.label)}</span>
      <span className="kpi-value" data-testid="kpi-value">
        {formatMeasure(value, main.type, locale, 'compact')}
      </span>
      {fraction !== undefined ? (
        <span className="kpi-meter" aria-hidden="true">
          <span className="kpi-meter-fill" style={{ width: `${fraction * 100}%` }} />
        </span>
      ) : null}
      {others.length > 0 ? (
        <span className="kpi-others">
          {others.map((measure) => (
            <span key={measure.key} className="kpi-other">
              <span className="muted">{text(measure.label)}</span> <strong>{formatMeasure(row[measure.key], measure.type, locale, 'compact')}</strong>
            </span>
          ))}
        </span>
      ) : null}
    </Tag>
  );
}
