import { getUiOptions, type FieldProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import type { OrdoRecord } from '../api/index.js';
import type { OrdoFormContext } from './ordo-form-context.js';
import { PickerBox } from './picker-box.js';
import { usePicker } from './use-picker.js';

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
  const [results, setResults] = useState<readonly OrdoRecord[]>([]);
  const [loading, setLoading] = useState(false);
  const picker = usePicker((record: OrdoRecord) => {
    if (!lookup) return;
    context.rememberLookup(lookup.form, record);
    onChange(record.id);
  });
  const currentId = typeof value === 'string' && value !== '' ? value : undefined;
  const picked = lookup && currentId ? context.lookups[lookup.form]?.[currentId] : undefined;
  const currentTitle = lookup && currentId ? textOf(picked?.[lookup.displayField]) || currentId : '';

  const lookupForm = lookup?.form;
  const { open, query, resetActive } = picker;

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
          resetActive();
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
  }, [open, query, lookupForm, context.api, resetActive]);

  if (!lookup) return <input id={id} className="form-control" value={textOf(value)} readOnly />;
  return (
    <PickerBox
      picker={picker}
      id={id}
      kind="lookup"
      title={currentTitle}
      placeholder={t('lookup.placeholder')}
      locked={Boolean(disabled || readonly)}
      clearLabel={t('lookup.clear')}
      {...(currentId ? { onClear: () => onChange(undefined) } : {})}
      results={results}
      note={loading ? t('lookup.searching') : t('lookup.none')}
      keyOf={(record) => record.id}
      renderOption={(record) => textOf(record.data[lookup.displayField]) || record.id}
      onFocus={() => onFocus(id, value)}
      onBlur={() => onBlur(id, value)}
    />
  );
}
