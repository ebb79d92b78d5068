import type { FieldProps } from '@rjsf/utils';
import { useMemo } from 'react';
import type { PickableUser } from '../api/index.js';
import { departmentTree, useDepartments, usePickableUsers } from './directory-cache.js';
import type { OrdoFormContext } from './ordo-form-context.js';
import { PickerBox } from './picker-box.js';
import { usePicker } from './use-picker.js';

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
  const onChange = (next: string | undefined) => onFieldChange(next, fieldPathId.path);
  const picker = usePicker((user: PickableUser) => onChange(user.username));
  const { query } = picker;
  const results = useMemo(() => (users ?? []).filter((user) => matches(user, query)).slice(0, RESULT_LIMIT), [users, query]);
  const current = typeof value === 'string' && value !== '' ? value : undefined;
  const picked = users?.find((user) => user.username === current);
  const departmentName = useMemo(() => {
    const names = new Map((departments ?? []).map((department) => [department.id, department.title[locale]]));
    return (user: PickableUser) => user.departments.map((department) => names.get(department) ?? department).join('、');
  }, [departments, locale]);

  return (
    <PickerBox
      picker={picker}
      id={id}
      kind="member"
      className="member-picker"
      title={current === undefined ? '' : picked?.displayName ?? current}
      placeholder={t('member.placeholder')}
      locked={Boolean(disabled || readonly)}
      {...(picked ? { badge: <Avatar user={picked} /> } : {})}
      clearLabel={t('lookup.clear')}
      {...(current ? { onClear: () => onChange(undefined) } : {})}
      results={results}
      note={users === undefined ? t('lookup.searching') : t('lookup.none')}
      keyOf={(user) => user.username}
      optionClassName="member-option"
      renderOption={(user) => (
        <>
          <Avatar user={user} />
          <span className="member-name">{user.displayName}</span>
          <span className="member-meta">{[user.username, departmentName(user)].filter(Boolean).join(' · ')}</span>
        </>
      )}
      onFocus={() => onFocus(id, value)}
      onBlur={() => onBlur(id, value)}
    />
  );
}

function Avatar({ user }: { user: PickableUser }) {
  return (
    <span className="member-avatar" aria-hidden="true">
      {user.displayName.slice(0, 1)}
    </span>
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
