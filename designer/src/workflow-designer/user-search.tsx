import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PickableUser } from '../api/index.js';
import { onPickerKeyDown } from '../forms/picker-keys.js';
import { useI18n } from '../i18n/index.js';
import { searchUsers } from './assignee-model.js';
import '../forms/field-kinds.css';

const RESULT_LIMIT = 12;

/** A search box over the app's users, as the member picker has, that hands over the user picked and empties itself. */
export function UserSearch({ users, departmentName, onPick, testId }: { users: readonly PickableUser[] | undefined; departmentName: (id: string) => string; onPick: (user: PickableUser) => void; testId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const closeTimer = useRef<number | undefined>(undefined);
  const results = useMemo(() => searchUsers(users ?? [], query, RESULT_LIMIT), [users, query]);
  const pick = (user: PickableUser) => {
    onPick(user);
    setOpen(false);
    setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) =>
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
  return (
    <div className="lookup member-picker">
      <input
        className="form-control"
        role="combobox"
        aria-expanded={open}
        aria-autocomplete="list"
        autoComplete="off"
        value={query}
        placeholder={t('member.placeholder')}
        data-testid={testId}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          window.clearTimeout(closeTimer.current);
          setOpen(true);
        }}
        onBlur={() => {
          closeTimer.current = window.setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul className="lookup-options" role="listbox">
          {users === undefined ? <li className="lookup-note">{t('lookup.searching')}</li> : null}
          {users !== undefined && results.length === 0 ? <li className="lookup-note">{t('lookup.none')}</li> : null}
          {results.map((user, index) => (
            <li
              key={user.username}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'lookup-option member-option active' : 'lookup-option member-option'}
              data-testid={`${testId}-option-${user.username}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(user)}
            >
              <span className="member-avatar" aria-hidden="true">
                {user.displayName.slice(0, 1)}
              </span>
              <span className="member-name">{user.displayName}</span>
              <span className="member-meta">{[user.username, user.departments.map(departmentName).join('、')].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
