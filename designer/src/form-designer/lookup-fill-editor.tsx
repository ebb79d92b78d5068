import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { useI18n } from '../i18n/index.js';
import { useDefinitions } from '../shell/index.js';
import type { DesignField } from './field-model.js';

/** A field of this form a lookup may fill: its path (`unit`, or `lines.unit` for a column) and label. */
export interface FillTarget {
  path: string;
  label: LocalizedText;
}

function isSubTable(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'array';
}

/**
 * Which fields of the picked record flow into which fields of this form (the lookup's `fill`): when the
 * user picks a customer, the contact and address fill in.
 */
export function LookupFillEditor({ field, targets, onChange }: { field: DesignField; targets: readonly FillTarget[]; onChange: (field: DesignField) => void }) {
  const { t, text } = useI18n();
  const { forms } = useDefinitions();
  const lookup = field.lookup;
  const source = forms.find((form) => form.id === lookup?.form);
  const fill = lookup?.fill ?? {};
  const pairs = Object.entries(fill);
  const sources = source === undefined ? [] : Object.entries(source.schema.properties).filter(([, schema]) => !isSubTable(schema)).map(([name]) => ({ name, label: text(source.labels?.[name], name) }));

  const write = (next: [string, string][]) => {
    if (lookup === undefined) return;
    const { fill: _old, ...rest } = lookup;
    onChange({ ...field, lookup: next.length === 0 ? rest : { ...rest, fill: Object.fromEntries(next) } });
  };
  const free = targets.filter((target) => !(target.path in fill));
  const add = () => {
    const target = free[0];
    if (target === undefined) return;
    const name = target.path.split('.').at(-1) ?? '';
    const match = sources.find((candidate) => candidate.name === name) ?? sources[0];
    if (match !== undefined) write([...pairs, [target.path, match.name]]);
  };

  return (
    <div className="fd-prop fd-fill" data-testid="lookup-fill">
      <span className="fd-prop-label">{t('designer.fill.title')}</span>
      {source === undefined ? (
        <p className="fd-hint">{t('designer.fill.pickForm')}</p>
      ) : (
        <>
          <p className="fd-hint">{pairs.length === 0 ? t('designer.fill.empty') : t('designer.fill.hint')}</p>
          {pairs.length > 0 ? (
            <div className="fd-fill-row fd-fill-head" aria-hidden="true">
              <span>{t('designer.fill.target')}</span>
              <span />
              <span>{t('designer.fill.source')}</span>
              <span />
            </div>
          ) : null}
          {pairs.map(([target, from], index) => (
            <div className="fd-fill-row" key={target}>
              <select
                aria-label={t('designer.fill.target')}
                value={target}
                onChange={(event) => write(pairs.map((pair, at): [string, string] => (at === index ? [event.target.value, pair[1]] : pair)))}
                data-testid={`fill-${index}-target`}
              >
                {targets
                  .filter((candidate) => candidate.path === target || !(candidate.path in fill))
                  .map((candidate) => (
                    <option key={candidate.path} value={candidate.path}>
                      {text(candidate.label)}
                    </option>
                  ))}
                {targets.some((candidate) => candidate.path === target) ? null : <option value={target}>{target}</option>}
              </select>
              <span className="fd-fill-arrow" aria-hidden="true">
                ←
              </span>
              <select
                aria-label={t('designer.fill.source')}
                value={from}
                onChange={(event) => write(pairs.map((pair, at): [string, string] => (at === index ? [pair[0], event.target.value] : pair)))}
                data-testid={`fill-${index}-source`}
              >
                {sources.map((candidate) => (
                  <option key={candidate.name} value={candidate.name}>
                    {candidate.label}
                  </option>
                ))}
                {sources.some((candidate) => candidate.name === from) ? null : <option value={from}>{from}</option>}
              </select>
              <button type="button" className="btn btn-small fd-icon-button" aria-label={t('designer.fill.remove')} title={t('designer.fill.remove')} onClick={() => write(pairs.filter((_, at) => at !== index))} data-testid={`fill-${index}-remove`}>
                ×
              </button>
            </div>
          ))}
          {targets.length === 0 ? <p className="fd-hint">{t('designer.fill.noTargets')}</p> : null}
          <button type="button" className="btn btn-small" disabled={free.length === 0 || sources.length === 0} onClick={add} data-testid="fill-add">
            + {t('designer.fill.add')}
          </button>
        </>
      )}
    </div>
  );
}
