import { useMemo, useState } from 'react';
import { useSession } from '../auth/index.js';
import { departmentTree, usePickableUsers } from '../forms/index.js';
import { useI18n } from '../i18n/index.js';
import {
  addAssignee,
  assigneeFields,
  assigneeLabel,
  DEPARTMENT_HEAD,
  departmentAssignee,
  joinAssignees,
  removeAt,
  splitAssignees,
  viewOf,
  type AssigneeWords,
} from './assignee-model.js';
import type { DesignContext } from './design-context.js';
import { Checklist } from './property-inputs.js';
import { UserSearch } from './user-search.js';
import type { Json } from './workflow-graph.js';
import './workflow-props.css';

type AddKind = 'user' | 'department' | 'field' | 'managerOfField' | 'departmentOf';
const ADD_KINDS: readonly AddKind[] = ['user', 'department', 'field', 'managerOfField', 'departmentOf'];

/** The words of the lines: role, department and field titles, users' display names. */
function useAssigneeWords(context: DesignContext): AssigneeWords {
  const { t, text } = useI18n();
  const { api } = useSession();
  const users = usePickableUsers(api);
  return useMemo(() => {
    const name = (list: readonly { id: string; title: Parameters<typeof text>[0] }[], id: string) => text(list.find((entry) => entry.id === id)?.title, id);
    return {
      role: (id) => name(context.roles, id),
      department: (id) => name(context.departments, id),
      field: (id) => name(context.fields, id),
      user: (username) => {
        const user = users?.find((candidate) => candidate.username === username);
        return user === undefined ? username : `${user.displayName} (${username})`;
      },
      say: (id, values) => t(id, values),
    };
  }, [context, users, t, text]);
}

/** The department and who in it: everyone, its head, or a role. */
function DepartmentWhoSelect({ value, onChange, context, testId }: { value: string; onChange: (who: string) => void; context: DesignContext; testId: string }) {
  const { t, text } = useI18n();
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)} aria-label={t('wd.assignee.who')} data-testid={testId}>
      <option value="">{t('wd.assignee.everyone')}</option>
      <option value={DEPARTMENT_HEAD}>{t('wd.assignee.head')}</option>
      {context.roles.map((role) => (
        <option key={role.id} value={role.id}>
          {text(role.title)}
        </option>
      ))}
    </select>
  );
}

/** Adds one assignee of the chosen kind: a user by search, a department, or what a field of the record holds. */
function AddAssignee({ onAdd, context, testId }: { onAdd: (assignee: Json) => void; context: DesignContext; testId: string }) {
  const { t, text, locale } = useI18n();
  const { api } = useSession();
  const users = usePickableUsers(api);
  const [kind, setKind] = useState<AddKind>('user');
  const [ref, setRef] = useState('');
  const [who, setWho] = useState('');
  const { people, departments: departmentFields } = assigneeFields(context.fields);
  const tree = useMemo(() => departmentTree(context.departments), [context.departments]);
  const departmentName = (id: string) => context.departments.find((department) => department.id === id)?.title[locale] ?? id;
  const options = kind === 'department' ? tree.map(({ department, depth }) => ({ id: department.id, label: `${'\u3000'.repeat(depth)}${text(department.title)}` })) : (kind === 'departmentOf' ? departmentFields : people).map((field) => ({ id: field.id, label: text(field.title) }));
  const chosen = options.some((option) => option.id === ref) ? ref : (options[0]?.id ?? '');
  const add = () => {
    if (chosen === '') return;
    if (kind === 'department' || kind === 'departmentOf') onAdd(departmentAssignee(kind, chosen, who));
    else if (kind === 'field') onAdd({ field: chosen });
    else onAdd({ managerOf: { field: chosen } });
  };
  return (
    <div className="wd-assignee-add">
      <select
        value={kind}
        onChange={(event) => {
          setKind(event.target.value as AddKind);
          setRef('');
          setWho('');
        }}
        aria-label={t('wd.assignee.addKind')}
        data-testid={`${testId}-add-kind`}
      >
        {ADD_KINDS.map((name) => (
          <option key={name} value={name}>
            {t(`wd.assignee.kind.${name}`)}
          </option>
        ))}
      </select>
      {kind === 'user' ? (
        <UserSearch users={users} departmentName={departmentName} onPick={(user) => onAdd({ user: user.username })} testId={`${testId}-user`} />
      ) : options.length === 0 ? (
        <span className="fd-hint">{t(kind === 'department' ? 'wd.assignee.noDepartments' : 'wd.assignee.noFields')}</span>
      ) : (
        <div className="wd-assignee-pick">
          <select value={chosen} onChange={(event) => setRef(event.target.value)} aria-label={t(`wd.assignee.kind.${kind}`)} data-testid={`${testId}-ref`}>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          {kind === 'department' || kind === 'departmentOf' ? <DepartmentWhoSelect value={who} onChange={setWho} context={context} testId={`${testId}-who`} /> : null}
          <button type="button" className="btn" onClick={add} data-testid={`${testId}-add`}>
            + {t('wd.assignee.add')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Who a task, notice or escalation goes to: roles as ticks, and lines for users, departments (everyone,
 * a role in it, its head) and the person or department a field of the record holds.
 */
export function AssigneesEditor({ value, onChange, context, rolesTestId, testId }: { value: unknown; onChange: (next: unknown[]) => void; context: DesignContext; rolesTestId: string; testId: string }) {
  const { t } = useI18n();
  const words = useAssigneeWords(context);
  const { roles, others } = splitAssignees(value);
  const setOthers = (next: readonly unknown[]) => onChange(joinAssignees(roles, next));
  return (
    <div className="wd-assignees" data-testid={testId}>
      <div className="fd-prop">
        <span className="fd-prop-label">{t('wd.task.roles')}</span>
        <Checklist options={context.roles} chosen={roles} onChange={(next) => onChange(joinAssignees(next, others))} testId={rolesTestId} />
      </div>
      {others.length > 0 ? (
        <ul className="wd-assignee-lines">
          {others.map((assignee, index) => {
            const view = viewOf(assignee);
            return (
              <li key={index} className={view.kind === 'kept' ? 'wd-assignee-line is-kept' : 'wd-assignee-line'} data-testid={`${testId}-line-${index}`}>
                <span>{assigneeLabel(view, words)}</span>
                <button type="button" className="btn fd-icon-button" onClick={() => setOthers(removeAt(others, index))} aria-label={t('wd.delete')} data-testid={`${testId}-remove-${index}`}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <AddAssignee onAdd={(assignee) => setOthers(addAssignee(others, assignee))} context={context} testId={testId} />
    </div>
  );
}
