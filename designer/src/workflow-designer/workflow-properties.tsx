import { LocalizedTextInputs, Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import type { DesignContext } from './design-context.js';
import { Checklist, readText } from './property-inputs.js';
import { put } from './task-properties.js';
import { isJson, type WorkflowGraph, type Json } from './workflow-graph.js';

/** Nothing selected: the workflow's own title, first state and who may start it. */
export function WorkflowProperties({ graph, context, formTitle, onChange }: { graph: WorkflowGraph; context: DesignContext; formTitle: string; onChange: (root: Json) => void }) {
  const { t, text } = useI18n();
  const { root } = graph;
  const start = isJson(root.start) ? root.start : undefined;
  const startRoles = Array.isArray(start?.roles) ? start.roles.filter((role): role is string => typeof role === 'string') : [];
  const topLevel = graph.states.filter((state) => state.parent === null);
  return (
    <div className="fd-props" data-testid="wd-workflow-props">
      <p className="fd-hint">{t('wd.props.hint')}</p>
      <LocalizedTextInputs value={readText(root.title, String(root.id))} onChange={(title) => onChange({ ...root, title })} labels={[t('wd.field.titleZh'), t('wd.field.titleEn')]} testId="wd-workflow-title" />
      <Prop label={t('wd.field.form')}>
        <input value={formTitle} readOnly disabled />
      </Prop>
      <Prop label={t('wd.field.initial')}>
        <select value={String(root.initial)} onChange={(event) => onChange({ ...root, initial: event.target.value })} data-testid="wd-workflow-initial">
          {topLevel.map((state) => (
            <option key={state.name} value={state.name}>
              {text(readText(state.node.title, state.name))} ({state.name})
            </option>
          ))}
        </select>
      </Prop>
      <Prop label={t('wd.field.startRoles')} hint={startRoles.length === 0 ? t('wd.field.anyone') : undefined}>
        <Checklist
          options={context.roles}
          chosen={startRoles}
          onChange={(roles) => onChange(put(root, 'start', roles.length > 0 ? { ...(start ?? {}), roles } : start === undefined || Object.keys(start).length <= 1 ? undefined : put(start, 'roles', undefined)))}
          testId="wd-workflow-start-roles"
        />
      </Prop>
    </div>
  );
}
