import type { ReactNode } from 'react';
import type { Picker } from './use-picker.js';

export interface PickerBoxProps<T> {
  readonly picker: Picker<T>;
  /** The input's id (rjsf's), also the prefix of the list's. */
  readonly id: string;
  /** `lookup` or `member`: the test ids are `<kind>-<id>` and `<kind>-option-<key>`. */
  readonly kind: string;
  readonly className?: string;
  /** The picked value's title, shown while the list is closed. */
  readonly title: string;
  readonly placeholder: string;
  readonly locked: boolean;
  /** Shown at the start of the box while the list is closed (a member's initial). */
  readonly badge?: ReactNode;
  readonly clearLabel: string;
  /** Absent when there is nothing to clear. */
  readonly onClear?: () => void;
  readonly results: readonly T[];
  /** The note in the list while there are no results: searching, or nothing found. */
  readonly note: string | null;
  readonly keyOf: (item: T) => string;
  readonly renderOption: (item: T) => ReactNode;
  readonly optionClassName?: string;
  readonly onFocus: () => void;
  readonly onBlur: () => void;
}

/** The box and result list that the lookup and member pickers share: a combobox over a listbox. */
export function PickerBox<T>({ picker, id, kind, className, title, placeholder, locked, badge, clearLabel, onClear, results, note, keyOf, renderOption, optionClassName, onFocus, onBlur }: PickerBoxProps<T>) {
  const { open, query, active } = picker;
  const withBadge = !open && badge !== undefined;
  const optionClass = optionClassName === undefined ? 'lookup-option' : `lookup-option ${optionClassName}`;
  return (
    <div className={className === undefined ? 'lookup' : `lookup ${className}`}>
      <div className="lookup-box">
        {withBadge ? badge : null}
        <input
          id={id}
          className={withBadge ? 'form-control with-avatar' : 'form-control'}
          role="combobox"
          aria-expanded={open}
          aria-autocomplete="list"
          aria-controls={`${id}__options`}
          autoComplete="off"
          disabled={locked}
          value={open ? query : title}
          placeholder={(open && title) || placeholder}
          data-testid={`${kind}-${id}`}
          onChange={(event) => picker.type(event.target.value)}
          onFocus={() => {
            picker.onFocus();
            onFocus();
          }}
          onBlur={() => {
            picker.onBlur();
            onBlur();
          }}
          onKeyDown={(event) => picker.onKeyDown(event, results)}
        />
        {onClear !== undefined && !locked ? (
          <button type="button" className="lookup-clear" aria-label={clearLabel} title={clearLabel} onClick={onClear}>
            ×
          </button>
        ) : null}
      </div>
      {open && !locked ? (
        <ul className="lookup-options" id={`${id}__options`} role="listbox">
          {results.length === 0 && note !== null ? <li className="lookup-note">{note}</li> : null}
          {results.map((item, index) => (
            <li
              key={keyOf(item)}
              role="option"
              aria-selected={index === active}
              className={index === active ? `${optionClass} active` : optionClass}
              data-testid={`${kind}-option-${keyOf(item)}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => picker.setActive(index)}
              onClick={() => picker.pick(item)}
            >
              {renderOption(item)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
