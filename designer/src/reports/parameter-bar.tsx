import { useEffect, useState } from 'react';
import type { ParameterSchema, ReportValue } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { DATE_PRESETS, isCalendarDay, localToday, presetOf, presetRange } from './date-presets.js';
import { useDefinitions } from '../shell/index.js';
import { parameterFields, parameterTitle, readRange, writeRange, type ParameterField } from './parameter-fields.js';

export interface ParameterBarProps {
  readonly schema: ParameterSchema | undefined;
  readonly values: Readonly<Record<string, unknown>>;
  readonly onChange: (values: Record<string, unknown>) => void;
}

type Values = Readonly<Record<string, unknown>>;

function DateRangeField({
  field,
  values,
  onChange,
}: {
  field: Extract<ParameterField, { kind: 'dateRange' }>;
  values: Values;
  onChange: (values: Record<string, unknown>) => void;
}) {
  const { t } = useI18n();
  const range = readRange(values, field);
  const today = localToday();
  const active = presetOf(range.from && range.to ? { from: range.from, to: range.to } : undefined, today);
  const [custom, setCustom] = useState(active === 'custom');
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');
  useEffect(() => {
    setFrom(range.from ?? '');
    setTo(range.to ?? '');
  }, [range.from, range.to]);

  const choose = (preset: (typeof DATE_PRESETS)[number]) => {
    const picked = presetRange(preset, today);
    setCustom(picked === undefined);
    if (picked) onChange(writeRange(values, field, picked));
  };
  const applyCustom = (nextFrom: string, nextTo: string) => {
    if (isCalendarDay(nextFrom) && isCalendarDay(nextTo) && nextFrom <= nextTo) onChange(writeRange(values, field, { from: nextFrom, to: nextTo }));
  };
  const shown = custom ? 'custom' : active;

  return (
    <div className="param-field param-date-range">
      <span className="param-label">{t('reports.dateRange')}</span>
      <div className="segmented" role="group" aria-label={t('reports.dateRange')}>
        {DATE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className={preset === shown ? 'segment active' : 'segment'}
            aria-pressed={preset === shown}
            onClick={() => choose(preset)}
            data-testid={`preset-${preset}`}
          >
            {t(`reports.preset.${preset}`)}
          </button>
        ))}
      </div>
      <span className="param-dates">
        <input
          type="date"
          aria-label={t('reports.from')}
          value={from}
          max={to || undefined}
          onChange={(event) => setFrom(event.target.value)}
          onBlur={() => applyCustom(from, to)}
          data-testid="param-from"
        />
        <span className="muted">–</span>
        <input
          type="date"
          aria-label={t('reports.to')}
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.target.value)}
          onBlur={() => applyCustom(from, to)}
          data-testid="param-to"
        />
      </span>
    </div>
  );
}

const LOOKUP_LIMIT = 200;

function LookupField({ field, value, onPick, label }: { field: Extract<ParameterField, { kind: 'lookup' }>; value: unknown; onPick: (value: string) => void; label: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [options, setOptions] = useState<readonly { id: string; title: string }[]>([]);
  useEffect(() => {
    let cancelled = false;
    api.listRecords(field.form, { limit: LOOKUP_LIMIT, ...(field.displayField ? { sort: field.displayField } : {}) }).then(
      (list) => {
        if (cancelled) return;
        setOptions(list.items.map((record) => ({ id: record.id, title: String(field.displayField ? (record.data[field.displayField] ?? record.id) : record.id) })));
      },
      // A form the user may not read: the choice stays at "all".
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, field.form, field.displayField]);
  return (
    <label className="param-field">
      <span className="param-label">{label}</span>
      <select value={typeof value === 'string' ? value : ''} onChange={(event) => onPick(event.target.value)} data-testid={`param-${field.name}`}>
        <option value="">{t('reports.all')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.title}
          </option>
        ))}
      </select>
    </label>
  );
}

function choiceText(option: ReportValue): string {
  return option === null ? '' : String(option);
}

/**
 * The shared filter row above a dashboard or report, drawn from its parameters' JSON Schema: the
 * date range with presets, record pickers (customer, work center), choices and free text. Every
 * change applies at once; an emptied control drops its parameter so the report's default applies.
 */
export function ParameterBar({ schema, values, onChange }: ParameterBarProps) {
  const { locale } = useI18n();
  const { forms } = useDefinitions();
  const fields = parameterFields(schema, forms);
  if (fields.length === 0) return null;
  const set = (name: string, value: string) => {
    const next: Record<string, unknown> = { ...values };
    if (value === '') delete next[name];
    else next[name] = value;
    onChange(next);
  };
  return (
    <div className="parameter-bar card" data-testid="parameter-bar">
      {fields.map((field) => {
        const label = parameterTitle(field.title, locale, field.name);
        switch (field.kind) {
          case 'dateRange':
            return <DateRangeField key={`range-${field.name}`} field={field} values={values} onChange={onChange} />;
          case 'lookup':
            return <LookupField key={field.name} field={field} value={values[field.name]} onPick={(value) => set(field.name, value)} label={label} />;
          case 'choice':
            return (
              <label key={field.name} className="param-field">
                <span className="param-label">{label}</span>
                <select
                  value={choiceText((values[field.name] as ReportValue | undefined) ?? null)}
                  onChange={(event) => set(field.name, event.target.value)}
                  data-testid={`param-${field.name}`}
                >
                  <AllOption />
                  {field.options.map((option) => (
                    <option key={choiceText(option)} value={choiceText(option)}>
                      {choiceText(option)}
                    </option>
                  ))}
                </select>
              </label>
            );
          case 'text':
            return <TextField key={field.name} label={label} name={field.name} value={values[field.name]} onCommit={(value) => set(field.name, value)} />;
        }
      })}
    </div>
  );
}

function AllOption() {
  const { t } = useI18n();
  return <option value="">{t('reports.all')}</option>;
}

function TextField({ label, name, value, onCommit }: { label: string; name: string; value: unknown; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(typeof value === 'string' ? value : '');
  useEffect(() => setDraft(typeof value === 'string' ? value : ''), [value]);
  return (
    <label className="param-field">
      <span className="param-label">{label}</span>
      <input
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => onCommit(draft.trim())}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onCommit(draft.trim());
        }}
        data-testid={`param-${name}`}
      />
    </label>
  );
}
