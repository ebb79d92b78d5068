import { getUiOptions, type FieldProps } from '@rjsf/utils';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OrdoRecord } from '../api/index.js';
import type { OrdoFormContext } from './ordo-form-context.js';
import { onPickerKeyDown } from './picker-keys.js';

const SEARCH_DELAY_MS = 250;
const RESULT_LIMIT = 10;

function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

interface LookupOptions {
  readonly form: string;
  readonly displayField: string;
}

/** The model's toRjsf names the picked form and its display field in the field's `ui:options`. */
function lookupOptions(options: Record<string, unknown>): LookupOptions | undefined {
  const { form, displayField } = options;
  return typeof form === 'string' && typeof displayField === 'string' ? { form, displayField } : undefined;
}

/**
 * The `lookup` field: a search box fed by GET /api/forms/<form>/records?q=, showing the picked
 * record's display field and storing its id. The picked record is handed to the form so the
 * model can copy its `fill` fields.
 */
export function LookupField(props: FieldProps) {
  const { fieldPathId, formData: value, onChange: onFieldChange, onBlur, onFocus, disabled, readonly, uiSchema, registry } = props;
  const id = fieldPathId.$id;
  const onChange = (next: string | undefined) => onFieldChange(next, fieldPathId.path);
  const context = registry.formContext as OrdoFormContext;
  const { t } = context.i18n;
  const lookup = lookupOptions(getUiOptions(uiSchema));
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<readonly OrdoRecord[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);
  const closeTimer = useRef<number | undefined>(undefined);
  const currentId = typeof value === 'string' && value !== '' ? value : undefined;
  const picked = lookup && currentId ? context.lookups[lookup.form]?.[currentId] : undefined;
  const currentTitle = lookup && currentId ? textOf(picked?.[lookup.displayField]) || currentId : '';

  const lookupForm = lookup?.form;

  useEffect(() => {
    if (!open || !lookupForm) return;
    let cancelled = false;
    setLoading(true);
    const timer = window.setTimeout(() => {
      const search = query.trim();
      context.api.listRecords(lookupForm, search ? { q: search, limit: RESULT_LIMIT } : { limit: RESULT_LIMIT }).then(
        (list) => {
          if (cancelled) return;
          setResults(list.items);
          setActive(0);
          setLoading(false);
        },
        () => {
          if (cancelled) return;
          setResults([]);
          setLoading(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [open, query, lookupForm, context.api]);

  useEffect(() => () => window.clearTimeout(closeTimer.current), []);

  if (!lookup) return <input id={id} className="form-control" value={textOf(value)} readOnly />;
  const locked = disabled || readonly;

  function pick(record: OrdoRecord) {
    if (!lookup) return;
    context.rememberLookup(lookup.form, record);
    onChange(record.id);
    setOpen(false);
    setQuery('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    onPickerKeyDown(event, {
      open,
      results,
      active,
      setOpen,
      setActive,
      pick,
      close: () => {
        setOpen(false);
        setQuery('');
      },
    });
  }

  return (
    <div className="lookup">
      <div className="lookup-box">
        <input
          id={id}
          className="form-control"
          role="combobox"
          aria-expanded={open}
          aria-autocomplete="list"
          aria-controls={`${id}__options`}
          autoComplete="off"
          disabled={locked}
          value={open ? query : currentTitle}
          placeholder={(open && currentTitle) || t('lookup.placeholder')}
          data-testid={`lookup-${id}`}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => {
            window.clearTimeout(closeTimer.current);
            setOpen(true);
            onFocus(id, value);
          }}
          onBlur={() => {
            // Let a click on an option land before the list closes.
            closeTimer.current = window.setTimeout(() => {
              setOpen(false);
              setQuery('');
            }, 150);
            onBlur(id, value);
          }}
          onKeyDown={onKeyDown}
        />
        {currentId && !locked ? (
          <button type="button" className="lookup-clear" aria-label={t('lookup.clear')} title={t('lookup.clear')} onClick={() => onChange(undefined)}>
            ×
          </button>
        ) : null}
      </div>
      {open && !locked ? (
        <ul className="lookup-options" id={`${id}__options`} role="listbox">
          {loading && results.length === 0 ? <li className="lookup-note">{t('lookup.searching')}</li> : null}
          {!loading && results.length === 0 ? <li className="lookup-note">{t('lookup.none')}</li> : null}
          {results.map((record, index) => (
            <li
              key={record.id}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'lookup-option active' : 'lookup-option'}
              data-testid={`lookup-option-${record.id}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(record)}
            >
              {textOf(record.data[lookup.displayField]) || record.id}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
