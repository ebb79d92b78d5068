import type { FieldProps } from '@rjsf/utils';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PickableUser } from '../api/index.js';
import { departmentTree, useDepartments, usePickableUsers } from './directory-cache.js';
import type { OrdoFormContext } from './ordo-form-context.js';
import { onPickerKeyDown } from './picker-keys.js';

const RESULT_LIMIT = 12;

function matches(user: PickableUser, search: string): boolean {
  const text = search.trim().toLowerCase();
  return text === '' || user.displayName.toLowerCase().includes(text) || user.username.toLowerCase().includes(text);
}

/**
 * 成员: a searchable picker over the app's users, showing display names and departments and storing
 * the user name; the server checks on save that the user exists.
 */
export function MemberField(props: FieldProps) {
  const { fieldPathId, formData: value, onChange: onFieldChange, onBlur, onFocus, disabled, readonly, registry } = props;
  const id = fieldPathId.$id;
  const context = registry.formContext as OrdoFormContext;
  const { t, locale } = context.i18n;
  const users = usePickableUsers(context.api);
  const departments = useDepartments(context.api);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const closeTimer = useRef<number | undefined>(undefined);
  const current = typeof value === 'string' && value !== '' ? value : undefined;
  const picked = users?.find((user) => user.username === current);
  const currentTitle = current === undefined ? '' : picked?.displayName ?? current;
  const results = useMemo(() => (users ?? []).filter((user) => matches(user, query)).slice(0, RESULT_LIMIT), [users, query]);
  const departmentName = useMemo(() => {
    const names = new Map((departments ?? []).map((department) => [department.id, department.title[locale]]));
    return (user: PickableUser) => user.departments.map((department) => names.get(department) ?? department).join('、');
  }, [departments, locale]);
  const locked = disabled || readonly;
  const onChange = (next: string | undefined) => onFieldChange(next, fieldPathId.path);

  function pick(user: PickableUser) {
    onChange(user.username);
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
    <div className="lookup member-picker">
      <div className="lookup-box">
        {!open && picked ? <span className="member-avatar" aria-hidden="true">{picked.displayName.slice(0, 1)}</span> : null}
        <input
          id={id}
          className={!open && picked ? 'form-control with-avatar' : 'form-control'}
          role="combobox"
          aria-expanded={open}
          aria-autocomplete="list"
          aria-controls={`${id}__options`}
          autoComplete="off"
          disabled={locked}
          value={open ? query : currentTitle}
          placeholder={(open && currentTitle) || t('member.placeholder')}
          data-testid={`member-${id}`}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => {
            window.clearTimeout(closeTimer.current);
            setOpen(true);
            onFocus(id, value);
          }}
          onBlur={() => {
            closeTimer.current = window.setTimeout(() => {
              setOpen(false);
              setQuery('');
            }, 150);
            onBlur(id, value);
          }}
          onKeyDown={onKeyDown}
        />
        {current && !locked ? (
          <button type="button" className="lookup-clear" aria-label={t('lookup.clear')} title={t('lookup.clear')} onClick={() => onChange(undefined)}>
            ×
          </button>
        ) : null}
      </div>
      {open && !locked ? (
        <ul className="lookup-options" id={`${id}__options`} role="listbox">
          {users === undefined ? <li className="lookup-note">{t('lookup.searching')}</li> : null}
          {users !== undefined && results.length === 0 ? <li className="lookup-note">{t('lookup.none')}</li> : null}
          {results.map((user, index) => (
            <li
              key={user.username}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'lookup-option member-option active' : 'lookup-option member-option'}
              data-testid={`member-option-${user.username}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(user)}
            >
              <span className="member-avatar" aria-hidden="true">{user.displayName.slice(0, 1)}</span>
              <span className="member-name">{user.displayName}</span>
              <span className="member-meta">{[user.username, departmentName(user)].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** 部门: one of the app's departments, listed as the organisation's tree. */
export function DepartmentField(props: FieldProps) {
  const { fieldPathId, formData: value, onChange, onBlur, onFocus, disabled, readonly, registry } = props;
  const id = fieldPathId.$id;
  const context = registry.formContext as OrdoFormContext;
  const { t, locale } = context.i18n;
  const departments = useDepartments(context.api);
  const current = typeof value === 'string' ? value : '';
  const tree = departmentTree(departments ?? []);
  const known = tree.some(({ department }) => department.id === current);
  return (
    <select
      id={id}
      className="form-control department-picker"
      value={current}
      disabled={disabled || readonly}
      data-testid={`department-${id}`}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value, fieldPathId.path)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    >
      <option value="">{departments === undefined ? t('lookup.searching') : t('department.placeholder')}</option>
      {current !== '' && !known && departments !== undefined ? <option value={current}>{current}</option> : null}
      {tree.map(({ department, depth }) => (
        <option key={department.id} value={department.id}>
          {`${'\u3000'.repeat(depth)}${department.title[locale]}`}
        </option>
      ))}
    </select>
  );
}
